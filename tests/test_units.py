"""Splitting unit lists as GOLD.md defines them, on lists from the corpus."""
import pytest

from policykg.extractors.units import split_units


@pytest.mark.parametrize("text,expected", [
    ("各开发区管委会、区县（市）政府，市政府有关部门", ["各开发区管委会", "区县（市）政府", "市政府有关部门"]),
    ("各市（州）、县（市、区）人民政府，省政府各部门、各直属机构，有关单位",
     ["各市（州）、县（市、区）人民政府", "省政府各部门", "各直属机构", "有关单位"]),
    ("各市〔州〕、县〔市、区、特区〕人民政府", ["各市〔州〕、县〔市、区、特区〕人民政府"]),
    ("各市、州、县人民政府，省政府各部门", ["各市、州、县人民政府", "省政府各部门"]),
    ("省、市、县", ["省、市、县"]),
    ("各区人民政府，市政府各委、办、局，各相关单位", ["各区人民政府", "市政府各委、办、局", "各相关单位"]),
    ("市人防办、市大数据局等", ["市人防办", "市大数据局"]),
    ("眉山天府新区、各县（区）", ["眉山天府新区", "各县（区）"]),  # 眉山 (000): an actor in running text
    ("天府新区眉山管委会，各县（区）人民政府，市级有关部门（单位）",
     ["天府新区眉山管委会", "各县（区）人民政府", "市级有关部门（单位）"]),
    # quotes nest like brackets when they pair up; a lost quote does not swallow the rest of the list
    ("市“双随机、一公开”工作领导小组办公室、市司法局", ["市“双随机、一公开”工作领导小组办公室", "市司法局"]),
    ("省“放管服”改革协调小组、省“互联网+政务服务”专班", ["省“放管服”改革协调小组", "省“互联网+政务服务”专班"]),
    ("市“一网通办工作专班、市政务办", ["市“一网通办工作专班", "市政务办"]),
])
def test_split_units(text, expected):
    assert split_units(text) == expected
