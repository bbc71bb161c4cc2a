"""Agency and citation resolution on the corpus, with expectations read from the documents."""
from policykg.graph.agencies import resolve
from policykg.graph.jurisdiction import Jurisdiction, document_jurisdiction


def agencies_written_as(graph, mention, jurisdiction_prefix):
    return [a for a in graph.nodes["Agency"]
            if mention in a["aliases"] and (a["jurisdiction"] or "").startswith(jurisdiction_prefix)]


def test_same_relative_name_in_two_cities_is_two_agencies(corpus_graph):
    meishan = agencies_written_as(corpus_graph, "市发展改革委", "四川省/眉山市")
    suining = agencies_written_as(corpus_graph, "市发展改革委", "四川省/遂宁市")
    assert len(meishan) == 1 and len(suining) == 1
    assert meishan[0]["agency_id"] != suining[0]["agency_id"]
    assert meishan[0]["name"] == "眉山市发展改革委"


def test_spelling_variants_in_one_province_are_one_agency(corpus_graph):
    # 河南 documents write 河南省发展和改革委员会 and 省发展改革委 for the same commission
    full = agencies_written_as(corpus_graph, "河南省发展和改革委员会", "河南省")
    short = agencies_written_as(corpus_graph, "省发展改革委", "河南省")
    assert len(full) == 1 and full == short


def test_relative_names_resolve_inside_the_document_jurisdiction():
    sichuan = Jurisdiction(province="四川省")
    assert resolve("省发展改革委", sichuan).agency_id == resolve("省发展和改革委员会", sichuan).agency_id
    assert resolve("省发改委", sichuan).agency_id == resolve("四川省发展和改革委员会", sichuan).agency_id
    assert resolve("省发展改革委", sichuan).agency_id != resolve("省发展改革委", Jurisdiction(province="贵州省")).agency_id
    assert resolve("各县（区）人民政府", Jurisdiction(province="四川省", city="眉山市")).is_group


def test_internal_division_hangs_under_its_department(corpus_graph):
    # 安徽省住房城乡建设厅 (004 line 14880) assigns tasks to its 城建处
    division = next(a for a in corpus_graph.nodes["Agency"]
                    if "城建处" in a["aliases"] and a["jurisdiction"] == "安徽省")
    parents = [e["to"] for e in corpus_graph.edges["PART_OF"] if e["from"] == division["agency_id"]]
    parent = next(a for a in corpus_graph.nodes["Agency"] if a["agency_id"] in parents)
    assert parent["name"] == "安徽省住房城乡建设厅"


def test_document_jurisdiction_from_issuer_and_volume():
    assert document_jurisdiction(["眉山市人民政府办公室"], "四川").path == ("四川省", "眉山市")
    assert document_jurisdiction(["上海市黄浦区人民政府办公室"], "上海").path == ("上海市", "黄浦区")
    assert document_jurisdiction([], "云南").path == ("云南省",)


def test_citation_by_doc_number_links_to_the_corpus_document(corpus_graph):
    docs = {d["doc_id"]: d for d in corpus_graph.nodes["Document"]}
    by_number = {d["doc_number"]: d for d in docs.values() if d["doc_number"] and not d["stub"]}
    # 黄府规〔2023〕4号 cites 沪府规〔2023〕1号, which the corpus holds
    citing, cited = by_number["黄府规〔2023〕4号"], by_number["沪府规〔2023〕1号"]
    assert any(e["from"] == citing["doc_id"] and e["to"] == cited["doc_id"] for e in corpus_graph.edges["CITES"])
    assert not any(d["stub"] and d["doc_number"] == "沪府规〔2023〕1号" for d in docs.values())


def test_citation_of_an_enclosed_plan_links_to_the_notice(corpus_graph):
    # 黄府办发〔2023〕2号 cites 《上海市加强集成创新持续优化营商环境行动方案》, enclosed by 沪府办规〔2023〕1号
    docs = {d["doc_id"]: d for d in corpus_graph.nodes["Document"]}
    source = next(d for d in docs.values() if d["doc_number"] == "黄府办发〔2023〕2号")
    targets = {docs[e["to"]]["doc_number"] for e in corpus_graph.edges["CITES"] if e["from"] == source["doc_id"]}
    assert "沪府办规〔2023〕1号" in targets


def test_uncited_titles_become_stubs_once(corpus_graph):
    stubs = [d for d in corpus_graph.nodes["Document"] if d["stub"]]
    titles = [d["title"] for d in stubs if d["title"]]
    assert "优化营商环境条例" in titles and len(titles) == len(set(titles))
