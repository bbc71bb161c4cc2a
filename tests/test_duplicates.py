"""The same document in several corpus files is emitted once, with provenance from every source."""
from collections import Counter


def test_yunnan_documents_in_two_files_are_one_each(corpus_documents):
    yunnan = [d for d in corpus_documents if d.province == "云南"]
    assert len(yunnan) == 8
    for doc in yunnan:
        assert sorted(s.path.rsplit("/", 1)[-1][:3] for s in doc.sources) == ["000", "001"]


def test_markdown_copy_merges_with_the_volume_copy(corpus_documents):
    liangshan = [d for d in corpus_documents if d.title and d.title.startswith("凉山州人民政府办公室关于印发")]
    assert len(liangshan) == 1
    doc = liangshan[0]
    assert {s.path.rsplit("/", 1)[-1][:3] for s in doc.sources} == {"000", "002"}
    assert doc.doc_number == "凉府办发〔2023〕14号"  # only the volume copy carries the 文号


def test_no_two_documents_share_title_and_date(corpus_documents):
    keys = Counter((d.title, d.issue_date) for d in corpus_documents)
    assert max(keys.values()) == 1


def test_same_doc_number_with_different_titles_stays_apart(corpus_documents):
    # the compilation prints 巴府办发〔2023〕3号 on both a 广元 and a 巴中 notice
    titles = {d.title[:4] for d in corpus_documents if d.doc_number == "巴府办发〔2023〕3号"}
    assert titles == {"广元市人", "巴中市人"}
