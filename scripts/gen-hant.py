#!/usr/bin/env python3
# Regenerates src/report/hant.rs: the Traditional forms of the characters in the report
# labels and in the words the text check reads (the string literals of
# src/report/templates/*.rs plus the words below), mapped back to Simplified, and the
# Simplified characters it covered (COVERED, which a test holds every template label to).
# Needs `pip install opencc-python-reimplemented`. Run from anywhere:
#   python3 scripts/gen-hant.py
import glob
import os
import re
import sys

from opencc import OpenCC

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "src/report/hant.rs")

# Words of published report pages that are not (all) in the templates: page metadata, units,
# table labels of older formats, section headings, and the kinds of body that publish reports.
WORDS = """
索引号 发布机构 发布单位 公开日期 发布日期 成文日期 文号 标题 公开方式 主动公开 依申请公开
政府信息公开工作年度报告 信息来源 来源 单位 万元 元 件 个 条 项 减 增 减少 增加 无 总计 合计 小计
行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 未经复议直接起诉 复议后起诉 自然人
法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 申请人情况 只计这一情况
三类内容事务信息 说明 统计 数据 期限 年 月 日 报告 网站 电话 地址 邮编 联系 总体情况
存在的主要问题及改进情况 其他需要报告的事项 主动公开政府信息情况 收到和处理政府信息公开申请情况
政府信息公开行政复议、行政诉讼情况 一二三四五六七八九十
省 市 区 县 乡 镇 街道 办事处 街道办事处 人民政府 委员会 管理委员会 办公室 办公厅 局 厅 处 委 院
版权所有 技术支持 网站标识码 打印本页 关闭窗口 主办单位 主办 上一篇 下一篇 相关链接 相关文件 分享到
关闭 打印 信息处理费 未收取 没有收取 管理办法 暂无 空
""".split()

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def string_literals(src):
    """The contents of the string literals of a Rust source, skipping comments and chars."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            i = src.find("\n", i) if "\n" in src[i:] else n
        elif src.startswith("/*", i):
            i = src.index("*/", i) + 2
        elif c == "r" and re.match(r'r#*"', src[i:]) and not re.match(r"\w", src[i - 1 : i]):
            hashes = re.match(r'r(#*)"', src[i:]).group(1)
            start = i + len(hashes) + 2
            end = src.index('"' + hashes, start)
            out.append(src[start:end])
            i = end + 1 + len(hashes)
        elif c == '"':
            j, buf = i + 1, []
            while src[j] != '"':
                if src[j] == "\\":
                    buf.append(src[j : j + 2])
                    j += 2
                else:
                    buf.append(src[j])
                    j += 1
            out.append("".join(buf))
            i = j + 1
        elif c == "'" and re.match(r"'(\\.[^']*|[^'\\])'", src[i:]):
            i = src.index("'", i + 2) + 1  # a char literal; otherwise a lifetime
        else:
            i += 1
    return out


texts = list(WORDS)
for path in sorted(glob.glob(os.path.join(ROOT, "src/report/templates/*.rs"))):
    with open(path, encoding="utf-8") as f:
        texts += [s for s in string_literals(f.read()) if CJK.search(s)]
chars = sorted({c for t in texts for c in CJK.findall(t)})

convs = [OpenCC(name) for name in ("s2t", "s2tw", "s2hk")]
t2s = OpenCC("t2s")
to_variants = [OpenCC(name) for name in ("t2tw", "t2hk")]

# Candidate pairs: whatever s2t, s2tw and s2hk make of each character and of each whole text
# (word-level conversion picks forms that character-level conversion misses).
cands = {}  # traditional -> set of simplified
for conv in convs:
    for t in texts + chars:
        for piece in re.split(r"[^\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+", t):
            out = conv.convert(piece)
            if len(out) != len(piece):
                sys.exit(f"length changed: {piece} -> {out}")
            for s, h in zip(piece, out):
                if s != h:
                    cands.setdefault(h, set()).add(s)

# Plus every Traditional form OpenCC's character table lists for a label character (发: 發 髮),
# with its Taiwan and Hong Kong variants, as long as OpenCC's t2s maps it back to that character.
st = {}
with open(os.path.join(os.path.dirname(sys.modules["opencc"].__file__), "dictionary/STCharacters.txt"), encoding="utf-8") as f:
    for line in f:
        k, v = line.rstrip("\n").split("\t")
        st[k] = v.split()
for s in chars:
    for h in st.get(s, []):
        for v in {h} | {conv.convert(h) for conv in to_variants}:
            if v != s and t2s.convert(v) == s:
                cands.setdefault(v, set()).add(s)

pairs = []
for h in sorted(cands):
    if h in chars:
        print(f"skipped {h}: also a Simplified label character", file=sys.stderr)
        continue
    ss = sorted(cands[h])
    if len(ss) > 1:
        back = t2s.convert(h)
        pick = back if back in ss else ss[0]
        print(f"{h} -> {'/'.join(ss)}: kept {pick}", file=sys.stderr)
        ss = [pick]
    pairs.append((h, ss[0]))

rows = []
for i in range(0, len(pairs), 8):
    rows.append("    " + " ".join(f"('{h}', '{s}')," for h, s in pairs[i : i + 8]))
rust = f"""//! Traditional characters that occur in the labels of published reports and in the words the
//! text check reads (rule N-text), mapped to the Simplified forms the templates use; generated
//! with OpenCC as a reference, covering those characters only.

// Generated by scripts/gen-hant.py; edit that, not this.

/// (Traditional, Simplified), sorted by the Traditional character.
#[rustfmt::skip]
const PAIRS: &[(char, char)] = &[
{chr(10).join(rows)}
];

/// Every Simplified character the table was made for: each one of the templates' labels and
/// of the words above. A label with a character not here needs the script run again (a test
/// in tests/native/templates.rs says which).
pub const COVERED: &str = "{"".join(chars)}";

/// The Simplified form of `c` when it is a Traditional character of a label or a text-check word;
/// `c` otherwise.
pub fn simplify(c: char) -> char {{
    match PAIRS.binary_search_by_key(&c, |&(t, _)| t) {{
        Ok(i) => PAIRS[i].1,
        Err(_) => c,
    }}
}}

#[cfg(test)]
mod tests {{
    use super::*;

    #[test]
    fn covered_is_sorted_and_holds_every_simplified_form() {{
        let covered: Vec<char> = COVERED.chars().collect();
        assert!(covered.windows(2).all(|w| w[0] < w[1]));
        assert!(PAIRS.iter().all(|(_, s)| covered.binary_search(s).is_ok()));
    }}

    #[test]
    fn pairs_are_strictly_sorted() {{
        assert!(PAIRS.windows(2).all(|w| w[0].0 < w[1].0));
    }}

    #[test]
    fn simplifies_traditional_label_characters() {{
        assert_eq!(simplify('發'), '发');
        assert_eq!(simplify('號'), '号');
        assert_eq!(simplify('總'), '总');
        assert_eq!(simplify('a'), 'a');
    }}
}}
"""
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="utf-8") as f:
    f.write(rust)
print(f"{len(pairs)} pairs from {len(chars)} characters -> {os.path.relpath(OUT, ROOT)}", file=sys.stderr)
