"""Where a document belongs: its province, city and county, from the volume's province header and
the issuers' names ("眉山市人民政府办公室" → 四川省/眉山市; "上海市黄浦区…" → 上海市/黄浦区)."""
from __future__ import annotations

import re

from policykg.schema.models import Model

PROVINCES = {
    "北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市", "河北": "河北省", "山西": "山西省",
    "内蒙古": "内蒙古自治区", "辽宁": "辽宁省", "吉林": "吉林省", "黑龙江": "黑龙江省", "江苏": "江苏省",
    "浙江": "浙江省", "安徽": "安徽省", "福建": "福建省", "江西": "江西省", "山东": "山东省", "河南": "河南省",
    "湖北": "湖北省", "湖南": "湖南省", "广东": "广东省", "广西": "广西壮族自治区", "海南": "海南省",
    "四川": "四川省", "贵州": "贵州省", "云南": "云南省", "西藏": "西藏自治区", "陕西": "陕西省",
    "甘肃": "甘肃省", "青海": "青海省", "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
}
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
NATIONAL_PREFIX = re.compile(r"^(中共|中国共产党|国家税务总局|国网|中国人民银行|人民银行)")
PROVINCE_PREFIX = re.compile(
    "^(" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + r")(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?")
CITY = re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:市|州|盟|地区))(?!场|级|直属)")
COUNTY = re.compile(r"^([\u4e00-\u9fff]{1,4}?(?:区|县|旗))(?!域|级|直属)")
ORG_WORDS = re.compile(r"人民|政府|办公|委员|部门|管理|发展|监督|市场|住房|自然|生态|交通|公安|财政|商务|教育")


class Jurisdiction(Model):
    """A place with its parents: province / city / county (any may be missing)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(p for p in (self.province, self.city, self.county) if p)

    @property
    def level(self) -> str:
        return "county" if self.county else "city" if self.city else "province" if self.province else "unknown"

    @property
    def id(self) -> str:
        return "/".join(self.path)


def place_prefix(name: str, province_hint: str | None = None) -> tuple[Jurisdiction, str]:
    """The jurisdiction a name starts with, and the rest of the name."""
    rest = NATIONAL_PREFIX.sub("", name)
    province = city = county = None
    match = PROVINCE_PREFIX.match(rest)
    if match:
        province = PROVINCES[match.group(1)]
        rest = rest[match.end():]
        if province in MUNICIPALITIES:
            city = None
    match = CITY.match(rest)
    if match and not ORG_WORDS.search(match.group(1)) and not (province in MUNICIPALITIES):
        city, rest = match.group(1), rest[match.end():]
    match = COUNTY.match(rest)
    if match and not ORG_WORDS.search(match.group(1)) and (city or province):
        county, rest = match.group(1), rest[match.end():]
    if province is None and (city or county):
        province = province_hint
    return Jurisdiction(province=province, city=city, county=county), rest


def document_jurisdiction(issuers: list[str], province: str | None) -> Jurisdiction:
    """The most specific jurisdiction named by the issuers, inside the volume's province."""
    hint = PROVINCES.get(province or "", None)
    best = Jurisdiction(province=hint)
    for issuer in issuers:
        place, _ = place_prefix(issuer, hint)
        if len(place.path) > len(best.path) and (hint is None or place.province in (hint, None)):
            best = place if place.province else place.model_copy(update={"province": hint})
    return best
