"""Per-file work on a Dask cluster (a local cluster of two worker processes) writes the same JSON Lines
as the local run, errors included."""
import pytest

pytest.importorskip("distributed")
import ofdgen  # noqa: E402
import pdfgen  # noqa: E402
from test_pdf import lines_of, run_cli  # noqa: E402


def test_dask_cluster_gives_the_same_jsonl_as_the_local_run(tmp_path, corpus_dir):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for path in sorted(corpus_dir.glob("*.txt"))[:6]:
        (inputs / path.name).write_bytes(path.read_bytes())
    plan = lines_of("000", 152, 362)
    pdfgen.running_text(inputs / "plan.pdf", plan, running_title="工作方案")
    ofdgen.task_table(inputs / "table.ofd", title="工作要点", intro=["为深入贯彻党的二十大精神。"],
                      header=["序号", "重点任务", "牵头单位", "完成时限"],
                      rows=[["1", "推行工业用地标准地供应。", "市规划自然资源局", "2023年6月底前"]], widths=[10, 100, 30, 20])
    (inputs / "broken.ofd").write_bytes(b"PK\x03\x04 not a zip")
    local, cluster = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    ran_local = run_cli("extract", inputs, "--out", local, "--no-ner")
    ran_cluster = run_cli("extract", inputs, "--out", cluster, "--no-ner", "--dask", "local", "--jobs", "2")
    assert ran_local.returncode == ran_cluster.returncode == 1  # the broken package, reported by both
    assert "[E631]" in ran_cluster.stderr and "broken.ofd" in ran_cluster.stderr
    assert len(local.read_text(encoding="utf-8").splitlines()) >= 8
    assert cluster.read_bytes() == local.read_bytes()


def test_unreachable_scheduler_is_a_clear_error(tmp_path, corpus_dir):
    out = tmp_path / "out.jsonl"
    result = run_cli("extract", sorted(corpus_dir.glob("*.txt"))[0], "--out", out, "--dask", "tcp://127.0.0.1:9")
    assert result.returncode == 2 and "Dask scheduler tcp://127.0.0.1:9" in " ".join(result.stderr.split())
