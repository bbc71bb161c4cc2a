"""The Bloom perspective and Browser style carry the whole schema, and their Cypher passes Neo4j's linter."""
import json
import re
import shutil

import pytest

from policykg.analysis import bloom
from cypherlint import LINTER, lint
from policykg.schema.graph import NODES, RELS

TOP_LEVEL = {"name", "id", "categories", "labels", "relationshipTypes", "palette", "createdAt", "lastEditedAt",
             "templates", "sceneActions", "hiddenRelationshipTypes", "hideUncategorisedData", "type",
             "parentPerspectiveId", "metadata", "version"}
CATEGORY = {"id", "name", "labels", "properties", "color", "size", "icon", "captions", "captionKeys", "styleRules"}
TEMPLATE = {"name", "id", "createdAt", "text", "cypher", "params", "hasCypherErrors"}


def test_perspective_structure(tmp_path):
    written = bloom.write(tmp_path)
    perspective = json.loads(written[0].read_text(encoding="utf-8"))
    assert TOP_LEVEL <= set(perspective) and perspective["type"] == "STANDARD_PERSPECTIVE"
    assert {c["name"] for c in perspective["categories"]} == {n.label for n in NODES}
    for cat in perspective["categories"]:
        assert CATEGORY <= set(cat) and re.fullmatch(r"#[0-9A-F]{6}", cat["color"])
        props = {p["name"] for p in cat["properties"]}
        assert cat["captions"][0]["key"] in props
    assert set(perspective["labels"]) == {n.label for n in NODES}
    assert {r["name"] for r in perspective["relationshipTypes"]} == {r.type for r in RELS}
    segments = {(s["source"], s["relationshipType"], s["target"]) for s in perspective["metadata"]["pathSegments"]}
    assert segments == {(a, r.type, b) for r in RELS for a, b in r.ends}
    assert bloom.perspective() == perspective  # generated the same way every time


def test_search_phrases_name_their_parameters(tmp_path):
    for phrase in bloom.perspective()["templates"]:
        assert TEMPLATE <= set(phrase)
        in_text = set(re.findall(r"\$\w+", phrase["text"]))
        in_cypher = set(re.findall(r"\$\w+", phrase["cypher"]))
        assert in_text == in_cypher == {p["name"] for p in phrase["params"]}
    assert len(bloom.perspective()["templates"]) >= 3


@pytest.mark.skipif(not (LINTER.parent / "node_modules").is_dir() or not shutil.which("node"),
                    reason="linter not installed: run 'npm ci' in tools/cypher-lint")
def test_search_phrase_cypher_passes_the_linter():
    phrases = {p["text"]: p["cypher"] for p in bloom.perspective()["templates"]}
    assert {k: v for k, v in lint(phrases).items() if v} == {}


def test_grass_styles_every_label_and_type():
    style = bloom.grass()
    for node in NODES:
        assert re.search(rf"^node\.{node.label} \{{[^}}]*caption: '\{{\w+\}}'", style, re.M)
    for rel in RELS:
        assert f"relationship.{rel.type} {{" in style
    for rule in re.findall(r"\{([^}]*)\}", style.replace("'{", "'(").replace("}'", ")'")):
        for declaration in filter(None, (d.strip() for d in rule.split(";"))):
            assert declaration.count(":") == 1, declaration  # Browser drops a value with a second ':'
