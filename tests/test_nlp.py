"""The spaCy pipeline: factories registered, the shipped pipeline loads offline, actors and
obligations in corpus sentences, and the extractor's use of it."""
import spacy

from policykg.nlp import components  # noqa: F401
from policykg.nlp.actors import MODEL_DIR, obligations, pipeline
from policykg.nlp.silver import held_out

FACTORIES = ("policykg_agency_ruler", "policykg_agency_merge", "policykg_obligation")


def test_factories_are_registered_and_usable_with_add_pipe():
    nlp = spacy.blank("zh")
    nlp.add_pipe("sentencizer", config={"punct_chars": components.SENTENCE_ENDS})
    for name in FACTORIES:
        assert name in spacy.registry.factories
        nlp.add_pipe(name)
    nlp.get_pipe("policykg_agency_ruler").set_phrases(["省大数据中心"])
    doc = nlp("省大数据中心依托省“互联网+监管”系统建成跨部门综合监管事项动态管理支撑模块。")
    assert [e.text for e in doc.ents][:1] == ["省大数据中心"]
    assert tuple(list(doc.sents)[0]._.obligation["actors"]) == ("省大数据中心",)


def test_entry_points_declare_the_factories():
    from importlib.metadata import entry_points

    declared = {e.name for e in entry_points(group="spacy_factories")}
    assert set(FACTORIES) <= declared


def test_shipped_pipeline_loads_offline_and_is_small(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert size < 30 * 1024 * 1024
    nlp = spacy.load(MODEL_DIR)
    assert nlp.pipe_names == ["sentencizer", "tok2vec", "policykg_agency_ruler", "ner",
                              "policykg_agency_merge", "policykg_obligation"]
    assert nlp.get_pipe("ner").labels == ("AGENCY",)


def test_obligations_in_running_text():
    # 四川 (000 lines 87-89 and 1331): actors named at the start of sentences with no annotation
    found = obligations(["省大数据中心依托省“互联网+监管”系统建成跨部门综合监管事项动态管理支撑模块。",
                         "市市场监管局会同市税务局于10月底前完成数据对接。",
                         "为全面贯彻党的二十大精神，持续优化营商环境。"])
    assert tuple(found[0]["actors"]) == ("省大数据中心",)
    assert tuple(found[1]["actors"]) == ("市市场监管局", "市税务局") or found[1]["actors"][0] == "市市场监管局"
    assert found[2] is None


def test_statistical_ner_alone_finds_agencies_missing_from_the_gazetteer():
    nlp = pipeline(use_rules=False, use_model=True)
    doc = nlp("市文化广电旅游局要加强对景区的监管。")
    assert any("局" in e.text for e in doc.ents)


def test_held_out_split_is_by_document_and_stable():
    keys = [f"文件{i}" for i in range(200)]
    split = [held_out(k, 13) for k in keys]
    assert split == [held_out(k, 13) for k in keys] and 20 <= sum(split) <= 60
    assert split != [held_out(k, 14) for k in keys]


def test_extractor_turns_running_text_obligations_into_tasks(corpus_documents):
    sichuan = next(d for d in corpus_documents if d.doc_number == "川办发〔2023〕14号")
    task = next(t for t in sichuan.tasks if t.text.startswith("省大数据中心依托"))
    assert task.co_units == ["省大数据中心"] and not task.deadlines


def test_training_command_runs_end_to_end(tmp_path, corpus_dir):
    from policykg.nlp.train import train

    sizes = train([corpus_dir], tmp_path / "model", seed=13, max_epochs=1, limit=150)
    assert sizes["train"] == 150 and sizes["phrases"] > 500
    nlp = spacy.load(tmp_path / "model")
    assert "ner" in nlp.pipe_names and "policykg_obligation" in nlp.pipe_names
