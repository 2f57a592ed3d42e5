#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generates Policies/wenzhou/counties.json (the shared county rules: an abstract pack that
extends Policies/wenzhou.json) and Policies/wenzhou/<county>.json, the seven fully open
counties of 温政发〔2016〕26号 四（二）1, each extending counties.json with its id and name.

The county packs share the document, the settlement-scope parameters, the public-service
points table (四（三）), the residence-permit conditions and the entitlements (四（五）) with the
urban-district pack; only their pathways (四（二）1), size class, id and name differ, and the
seven files are identical except id and name. Edit this script or Policies/wenzhou.json,
never the generated files; then run this script and scripts/embed-packs.py.
Use --check to fail when a generated file is out of date.
"""
import json, pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent
source = json.loads((root / "Policies/wenzhou.json").read_text(encoding="utf-8"))

# 两市五县: 乐清 and 瑞安 are county-level cities (县级市), the five others counties.
COUNTY_LEVEL_CITIES = {"leqing", "ruian"}
OPEN_GROUPS = ["college_graduate", "skilled_worker", "vocational_graduate", "returned_overseas_student"]

COUNTIES = [
    ("leqing", "乐清市", "Leqing"),
    ("ruian", "瑞安市", "Rui'an"),
    ("yongjia", "永嘉县", "Yongjia County"),
    ("pingyang", "平阳县", "Pingyang County"),
    ("cangnan", "苍南县", "Cangnan County"),
    ("wencheng", "文成县", "Wencheng County"),
    ("taishun", "泰顺县", "Taishun County"),
]

CLAUSE = "温政发〔2016〕26号 四（二）1"
SHARED_PARAMETERS = {"settlement_residence_types", "settlement_employment_types"}
SHARED_DEFINITIONS = [
    "settlement_residence", "settlement_employment", "lives_together",
    "follower_spouse", "follower_child", "follower_parent",
    "legal_stable_residence", "legal_stable_employment", "continuous_study",
]


def text(zh, en):
    return {"zh": zh, "en": en}


FOLLOWERS = [
    {"id": "spouse", "label": text("共同居住生活的配偶", "spouse living together"),
     "citation": CLAUSE, "condition": {"ref": "follower_spouse"}},
    {"id": "child", "label": text("共同居住生活的未成年子女（含无生活来源的未婚子女）", "minor child, or unmarried child without income, living together"),
     "citation": CLAUSE, "condition": {"ref": "follower_child"}},
    {"id": "parent", "label": text("共同居住生活的父母", "parent living together"),
     "citation": CLAUSE, "condition": {"ref": "follower_parent"}},
]

PATHWAYS = [
    {
        "id": "residence_open",
        "name": text("县（市）城镇有合法稳定住所（含租赁）人员落户（全面放开）", "County towns: people with legal stable residence (rental included), settlement fully open"),
        "citation": CLAUSE,
        "document": "opinions",
        # 全面放开 for everyone with legal stable residence (rental included): open to the groups
        # of 国办发〔2016〕72号 任务3 too (its condition is no restriction for them).
        "groups": OPEN_GROUPS,
        "condition": {"all": [
            {"label": text("居住在县级市市区、县人民政府驻地镇（街道）或其他建制镇（街道）", "lives in the urban area of the county-level city, the county-seat town or another established town"),
             "fact": "residence.area_type", "op": "in", "value": ["county_city_area", "county_seat_town", "established_town"]},
            {"ref": "settlement_residence"},
        ]},
        "followers": FOLLOWERS,
        "note": text("条文列举“配偶、未成年子女、父母等”；合法稳定住所的具体范围由实施细则明确，此处为暂定",
                     "the clause lists \"spouse, minor children, parents and others\"; the scope of legal stable residence is left to implementing rules: provisional here"),
    },
    {
        "id": "talent_investor_contributor",
        "name": text("引进人才、投资人员和突出贡献人员落户（无需合法稳定住所）", "Introduced talent, investors and outstanding contributors (no legal stable residence needed)"),
        "citation": CLAUSE,
        "document": "opinions",
        "provisional": True,
        "condition": {
            "label": text("经认定为城镇经济社会发展需要的引进人才、投资人员或突出贡献人员", "recognized as introduced talent, investor or outstanding contributor the towns need"),
            "any": [
                {"fact": "recognized.introduced_talent", "op": "is", "value": True},
                {"fact": "recognized.investor", "op": "is", "value": True},
                {"fact": "recognized.outstanding_contribution", "op": "is", "value": True},
            ]},
        "followers": FOLLOWERS,
        "note": text("人才认定、投资规模、突出贡献的具体标准由实施细则明确，结论为暂定",
                     "the standards for talent, investment size and outstanding contribution are left to implementing rules, so the answer is provisional"),
    },
    {
        "id": "employment_with_insurance",
        "name": text("有合法稳定就业并按国家规定参加城镇社会保险人员落户（无需合法稳定住所）", "Legal stable employment with urban social insurance as the state requires (no legal stable residence needed)"),
        "citation": CLAUSE,
        "document": "opinions",
        "decided_by": {
            "who": text("所在县（市）公安局户籍窗口", "the hukou desk of the county (county-level city) public-security bureau"),
            "open": text("合法稳定就业的范围和参加城镇社会保险的年限（由实施细则明确）", "what counts as legal stable employment and how many years of urban social insurance (left to the implementing rules)"),
        },
        "followers": FOLLOWERS,
        "note": text("四（二）1只写“按照国家规定参加城镇社会保险”，未给年限；年限和就业范围由实施细则明确（四（二）末段）。共同居住生活的配偶、未成年子女（含无生活来源的未婚子女）、父母可随迁。",
                     "四（二）1 only says \"participates in urban social insurance as the state requires\" and gives no years; the years and the scope of employment are left to the implementing rules (end of 四（二）). A spouse, minor children (and unmarried children without income) and parents living together may follow."),
    },
]


def base_pack():
    """Policies/wenzhou/counties.json: what the seven counties share, as an abstract pack that
    extends Policies/wenzhou.json (docs/packs.md "extends"): the city's rules without its
    urban pathways, districts and urban-only parameters and definitions, plus the county
    pathways of 四（二）1."""
    kept = SHARED_PARAMETERS | {p["id"] for p in source["parameters"] if p["id"].startswith("points_")}
    return {
        "format": source["format"],
        "id": "wenzhou/counties",
        "version": source["version"],
        "serial": source["serial"],
        "extends": "wenzhou",
        "abstract": True,
        "name": text("温州市全面放开的县（市）（共同规则）", "Wenzhou's fully open counties (shared rules)"),
        "effective_from": source["effective_from"],
        "comment": "Generated by scripts/gen-wenzhou-counties.py: do not edit by hand. The rules the seven fully open "
                   "counties of 温政发〔2016〕26号 四（二）1 share; each county pack extends this one and names itself.",
        "remove": {
            "pathways": [p["id"] for p in source["pathways"]],
            "districts": True,
            "parameters": [p["id"] for p in source["parameters"] if p["id"] not in kept],
            "definitions": [name for name in source["definitions"] if name not in SHARED_DEFINITIONS],
        },
        "admin_level": {"value": "county", "source": "温政发〔2016〕26号 四（二）1（两市五县）：永嘉、平阳、苍南、文成、泰顺为县；乐清、瑞安（县级市）在各自的包中另行声明"},
        "city_size_class": {
            "value": "small", "provisional": True,
            "source": "温政发〔2016〕26号 四（二）1 opens the county fully \"按照国务院关于调整城市规模划分标准\" without naming its class; "
                      "全面放开 is the treatment of 建制镇和小城市 (国发〔2014〕25号 （四）)",
        },
        "pathways": PATHWAYS,
    }


def county_pack(slug, zh, en):
    pack = {
        "format": source["format"],
        "id": f"wenzhou/{slug}",
        "version": source["version"],
        # A county pack is released with the city pack it extends: same serial.
        "serial": source["serial"],
        "extends": "wenzhou/counties",
        "name": text(f"温州市{zh}", f"{en}, Wenzhou"),
        "effective_from": source["effective_from"],
        "comment": "Generated by scripts/gen-wenzhou-counties.py: do not edit by hand. "
                   "A fully open county of 温政发〔2016〕26号 四（二）1: the shared county rules (counties.json).",
    }
    if slug in COUNTY_LEVEL_CITIES:
        pack["admin_level"] = {"value": "county_level_city", "source": f"温政发〔2016〕26号 四（二）1（两市五县）：{zh}为县级市"}
    return pack


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def render(pack):
    """One line per top-level member, per array element and per definition: small, diffable files."""
    lines = ["{"]
    members = list(pack.items())
    for index, (key, value) in enumerate(members):
        comma = "," if index + 1 < len(members) else ""
        if isinstance(value, list):
            lines.append(f'  "{key}": [')
            lines += [f"    {compact(item)}" + ("," if i + 1 < len(value) else "") for i, item in enumerate(value)]
            lines.append("  ]" + comma)
        elif isinstance(value, dict) and key == "definitions":
            lines.append(f'  "{key}": {{')
            items = list(value.items())
            lines += [f"    {compact(name)}: {compact(item)}" + ("," if i + 1 < len(items) else "") for i, (name, item) in enumerate(items)]
            lines.append("  }" + comma)
        else:
            lines.append(f"  {compact(key)}: {compact(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    stale = []
    outputs = [("counties", base_pack())] + [(slug, county_pack(slug, zh, en)) for slug, zh, en in COUNTIES]
    for slug, pack in outputs:
        path = root / "Policies/wenzhou" / f"{slug}.json"
        new = render(pack)
        if "--check" in sys.argv:
            if not path.exists() or path.read_text(encoding="utf-8") != new:
                stale.append(path.relative_to(root).as_posix())
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new, encoding="utf-8")
    if stale:
        sys.exit("out of date: " + ", ".join(stale))
    if "--check" not in sys.argv:
        print(f"wrote counties.json and {len(COUNTIES)} county packs under Policies/wenzhou/")


main()
