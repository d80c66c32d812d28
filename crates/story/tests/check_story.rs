//! Runs the real `check-story` binary on broken variants of the fixture story, one file each,
//! and checks that it fails with the field and the rule, in English and in Chinese.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURE: &str = include_str!("../../../tests/fixture/story.json");

/// How a broken variant is made from the fixture.
enum Make {
    /// Sets the value at a JSON pointer of the parsed fixture.
    Set(&'static str, Value),
    /// Edits the parsed fixture; the variant is the edited value, serialised.
    Edit(fn(&mut Value)),
    /// Writes the file's bytes from the fixture's text: for what a JSON value cannot hold.
    Text(fn(&str) -> Vec<u8>),
}

/// A variant's name, how it is made, and what the binary must print after the file's name:
/// `FIELD: English fragment / Chinese fragment`.
type Case = (&'static str, Make, &'static str);

/// The value at a JSON pointer of the story; the fixture must have it.
fn at<'a>(story: &'a mut Value, pointer: &str) -> &'a mut Value {
    story
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("the fixture has no {pointer}"))
}

fn remove(story: &mut Value, pointer: &str, key: &str) -> Value {
    at(story, pointer)
        .as_object_mut()
        .and_then(|object| object.remove(key))
        .unwrap_or_else(|| panic!("the fixture has no {pointer}/{key}"))
}

fn list<'a>(story: &'a mut Value, pointer: &str) -> &'a mut Vec<Value> {
    at(story, pointer)
        .as_array_mut()
        .unwrap_or_else(|| panic!("the fixture's {pointer} is not a list"))
}

/// The fixture's text with the first `from` replaced by `to`; the replacement must happen.
fn replace_once(text: &str, from: &str, to: &str) -> Vec<u8> {
    assert!(text.contains(from), "the fixture has no {from}");
    text.replacen(from, to, 1).into_bytes()
}

/// A fresh directory of this test process for the variants.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("check-story-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {dir:?}: {e}"));
    dir
}

fn check_story(files: &[&Path]) -> Output {
    run_check_story(files.iter().map(|f| f.as_os_str()))
}

/// `check-story --report FILE`.
fn check_story_report(file: &Path) -> Output {
    run_check_story([std::ffi::OsStr::new("--report"), file.as_os_str()])
}

fn run_check_story<'a>(args: impl IntoIterator<Item = &'a std::ffi::OsStr>) -> Output {
    Command::new(env!("CARGO_BIN_EXE_check-story"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run check-story: {e}"))
}

fn cases() -> Vec<Case> {
    use Make::{Edit, Set, Text};
    vec![
        (
            "malformed JSON: truncated file, with line and column",
            Text(|t| t.as_bytes()[..98].to_vec()), // ends with line 5, `  "centre": {`
            "(file): is not valid JSON: EOF while parsing an object (line 5, column 13) / 不是有效的JSON：文件在结构完整之前结束（第5行第13列）",
        ),
        (
            "malformed JSON: missing comma",
            Text(|t| replace_once(t, "\"fixture-circles\",", "\"fixture-circles\"")),
            "(file): is not valid JSON: expected `,` or `}` (line 3, column 3) / 不是有效的JSON：此处应为“,”或“}”（第3行第3列）",
        ),
        (
            "trailing characters after the story",
            Text(|t| format!("{} x", t.trim_end()).into_bytes()),
            "(file): is not valid JSON: trailing characters (line {LAST_LINE}, column 3) / 不是有效的JSON：JSON结束之后还有多余的字符（第{LAST_LINE}行第3列）",
        ),
        (
            "JSON number out of range",
            Text(|t| replace_once(t, "\"radius_km\": 40,", "\"radius_km\": 1e400,")),
            "(file): is not valid JSON: number out of range (line 20, column 24) / 不是有效的JSON：数字超出范围（第20行第24列）",
        ),
        (
            "duplicate field",
            Text(|t| {
                replace_once(
                    t,
                    "\"value\": \"40\",",
                    "\"value\": \"4\", \"value\": \"4\",",
                )
            }),
            "figures[0]: duplicate field `value` (line {VALUE_LINE}, column 27) / 字段“value”重复（第{VALUE_LINE}行第27列）",
        ),
        (
            "file over 1 MB",
            Text(|t| format!("{t}{}", " ".repeat(1_000_001 - t.len())).into_bytes()),
            "(file): is 1000001 bytes; a story may be at most 1000000 bytes / 文件大小为1000001字节，故事文件最多1000000字节",
        ),
        (
            "file not UTF-8",
            Text(|t| [t.as_bytes(), b"\xff"].concat()),
            "(file): cannot be read: stream did not contain valid UTF-8 / 无法读取文件：文件不是UTF-8编码的文本",
        ),
        (
            "deep nesting: 100000 nested arrays as published, no crash",
            Text(|t| {
                let nested = format!(
                    "{}\"2020-01-02\"{}",
                    "[".repeat(100_000),
                    "]".repeat(100_000)
                );
                replace_once(t, "\"2020-01-02\"", &nested)
            }),
            "published: invalid type: sequence, expected a string (line 3, column 15) / 类型不对：现为数组（[…]），应为字符串（第3行第15列）",
        ),
        (
            "missing field",
            Edit(|s| drop(remove(s, "/centre", "lat"))),
            "centre: missing field `lat` / 缺少字段“lat”",
        ),
        (
            "figure without a source",
            Edit(|s| drop(remove(s, "/figures/0", "source"))),
            "figures[0]: missing field `source` / 缺少字段“source”",
        ),
        (
            "unknown (misspelt) field",
            Edit(|s| {
                let qualifier = remove(s, "/figures/0", "qualifier");
                at(s, "/figures/0")["qualifer"] = qualifier;
            }),
            "figures[0].qualifer: unknown field `qualifer`, expected one of `id`, `section`, `value`, `unit`, `qualifier`, `label`, `window`, `era`, `zone`, `said`, `source`, `evidence`, `difference`, `caveat` / 未知字段“qualifer”；可用的字段：id、section、value、unit、qualifier、label、window、era、zone、said、source、evidence、difference、caveat",
        ),
        (
            "wrong type",
            Set("/circles/0/radius_km", json!("forty")),
            "circles[0].radius_km: invalid type: string \"forty\", expected f64 / 类型不对：现为字符串\"forty\"，应为数字",
        ),
        (
            "integer out of its type's range",
            Set("/places/0/priority", json!(300)),
            "places[0].priority: invalid value: integer `300`, expected u8 / 取值无效：现为整数300，应为0至255的整数",
        ),
        (
            "unknown circle id (unknown variant)",
            Set("/places/1/memberships/0/circle", json!("orbital")),
            "places[1].memberships[0].circle: unknown variant `orbital`, expected one of `commuting`, `functional`, `industrial` / “orbital”不是可用的取值，应为commuting、functional、industrial之一",
        ),
        (
            "radii do not nest",
            Set("/circles/2/radius_km", json!(90)),
            "circles[2].radius_km: must be larger than circles[1].radius_km / 必须大于circles[1].radius_km",
        ),
        (
            "radius 0",
            Set("/circles/0/radius_km", json!(0)),
            "circles[0].radius_km: must be a number above 0 and at most 170 / 必须是大于0且不超过170的数",
        ),
        (
            "radius negative",
            Set("/circles/0/radius_km", json!(-5)),
            "circles[0].radius_km: must be a number above 0 and at most 170 / 必须是大于0且不超过170的数",
        ),
        (
            "radius 1e308",
            Set("/circles/2/radius_km", json!(1e308)),
            "circles[2].radius_km: must be a number above 0 and at most 170 / 必须是大于0且不超过170的数",
        ),
        (
            "circles not innermost first",
            Edit(|s| list(s, "/circles").swap(0, 1)),
            "circles: must list the 3 circles innermost first: commuting, functional, industrial (found: functional, commuting, industrial) / 必须由内向外列出3个圈层：commuting、functional、industrial（现为：functional、commuting、industrial）",
        ),
        (
            "too few circles",
            Edit(|s| drop(list(s, "/circles").pop())),
            "circles: must list the 3 circles innermost first: commuting, functional, industrial (found: commuting, functional) / 必须由内向外列出3个圈层：commuting、functional、industrial（现为：commuting、functional）",
        ),
        (
            "too many circles",
            Edit(|s| {
                let mut outer = at(s, "/circles/2").clone();
                outer["radius_km"] = json!(160);
                list(s, "/circles").push(outer);
            }),
            "circles: must list the 3 circles innermost first: commuting, functional, industrial (found: commuting, functional, industrial, industrial) / 必须由内向外列出3个圈层：commuting、functional、industrial（现为：commuting、functional、industrial、industrial）",
        ),
        (
            "latitude 91",
            Set("/places/0/lat", json!(91)),
            "places[0].lat: must be between -90 and 90 / 必须在-90到90之间",
        ),
        (
            "longitude 200",
            Set("/centre/lon", json!(200)),
            "centre.lon: must be between -180 and 180 / 必须在-180到180之间",
        ),
        (
            "source date not a real day",
            Set("/figures/0/source/date", json!("2023-02-30")),
            "figures[0].source.date: \"2023-02-30\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY) / “2023-02-30”不是日期（应为YYYY-MM-DD、YYYY-MM或YYYY）",
        ),
        (
            "quotation marks outside a quote",
            Set("/figures/0/label/en", json!("the \u{201c}share\u{201d}")),
            "figures[0].label: en has the quotation mark \u{201c}: only a quote's words (with their source and date) may be quoted / en含有引号\u{201c}：只有quote中原话（附来源和日期）可以加引号",
        ),
        (
            "a date inside a source's name",
            Set("/figures/0/source/name/en", json!("CRNTT, 27 Mar 2023")),
            "figures[0].source.name.en: names a day or month (\"Mar\"): a source's date goes in its date field / 含有日或月（\u{201c}Mar\u{201d}）：来源的日期应写在date字段",
        ),
        (
            "a day inside a source's Chinese name",
            Set(
                "/charts/0/sources/0/name/zh",
                json!("中评社，2023年3月27日"),
            ),
            "charts[0].sources[0].name.zh: names a day or month (\"3月\"): a source's date goes in its date field / 含有日或月（\u{201c}3月\u{201d}）：来源的日期应写在date字段",
        ),
        (
            "a quote in a language the graphic does not speak",
            Set("/circles/0/definition/quote/original", json!("fr")),
            "circles[0].definition.quote.original: unknown variant `fr`, expected `zh` or `en` / \u{201c}fr\u{201d}不是可用的取值，应为zh、en之一",
        ),
        (
            "a figure whose digits are not in its evidence (18万 is not 17.5万)",
            Set("/figures/2/value", json!("18万")),
            "figures[2].evidence: does not state the value 180000: copy the source's sentence that does / 没有写出数值180000：请摘录写出该数值的来源原句",
        ),
        (
            "a bar whose digits are not in its evidence",
            Set("/charts/1/bars/0/value", json!("41610.8亿")),
            "charts[1].bars[0].evidence: does not state the value 4161080000000: copy the source's sentence that does / 没有写出数值4161080000000：请摘录写出该数值的来源原句",
        ),
        (
            "a quote whose words are not verbatim in its evidence",
            Set(
                "/circles/0/definition/quote/words/zh",
                json!("测试通勤圈的规划原话，略作改写"),
            ),
            "circles[0].definition.quote.words.zh: is not verbatim in its evidence: a quote must be the source's own words / 与证据原句不符：引语必须是来源的原话",
        ),
        (
            "a zh quote whose evidence was read in English",
            Set("/circles/0/definition/quote/evidence/lang", json!("en")),
            "circles[0].definition.quote.evidence.lang: must be zh, the language the words were said in / 必须是zh，即原话的语言",
        ),
        (
            "a figure without evidence",
            Edit(|s| {
                remove(s, "/figures/1", "evidence");
            }),
            "figures[1].evidence: is missing: every claim needs the source's own sentence (kind, lang, text) / 缺失：每项内容都须附来源原句（kind、lang、text）",
        ),
        (
            "a membership without evidence",
            Edit(|s| {
                remove(s, "/places/0/memberships/0", "evidence");
            }),
            "places[0].memberships[0].evidence: is missing: every claim needs the source's own sentence (kind, lang, text) / 缺失：每项内容都须附来源原句（kind、lang、text）",
        ),
        (
            "a zone without evidence",
            Edit(|s| {
                remove(s, "/zones/0", "evidence");
            }),
            "zones[0].evidence: is missing: every claim needs the source's own sentence (kind, lang, text) / 缺失：每项内容都须附来源原句（kind、lang、text）",
        ),
        (
            "a quote without evidence",
            Edit(|s| {
                remove(s, "/circles/2/definition/quote", "evidence");
            }),
            "circles[2].definition.quote.evidence: is missing: every claim needs the source's own sentence (kind, lang, text) / 缺失：每项内容都须附来源原句（kind、lang、text）",
        ),
        (
            "evidence read at an address that is not a web page's",
            Edit(|s| at(s, "/figures/0/evidence")["url"] = json!("ftp://example.com/page")),
            "figures[0].evidence.url: \"ftp://example.com/page\" must be an http:// or https:// address / \u{201c}ftp://example.com/page\u{201d}必须是http://或https://网址",
        ),
        // The kind of text a claim's evidence was read in decides what it may back.
        (
            "\"confirmed\" on an automated summary",
            Set("/places/0/memberships/0/evidence/kind", json!("summary")),
            "places[0].memberships[0].evidence.kind: is summary: \"confirmed\" needs the issuer's text, a named outlet's report or a complete reprint of one; a summary, an anonymous page or a translation backs only \"inferred\" / 是自动摘要（summary）：“已证实”须有发布方原文、署名媒体报道或其完整转载",
        ),
        (
            "\"confirmed\" on an anonymous page",
            Set("/places/3/memberships/0/evidence/kind", json!("anonymous")),
            "places[3].memberships[0].evidence.kind: is anonymous: \"confirmed\" needs the issuer's text / 是匿名页面（anonymous）：“已证实”须有发布方原文",
        ),
        (
            "\"confirmed\" on an excerpt of a reprint",
            Edit(|s| {
                let evidence = at(s, "/places/3/memberships/0/evidence");
                evidence["kind"] = json!("reprint");
                evidence["original"] = json!({"outlet": "测试新闻社", "date": "2021-02-03"});
            }),
            "places[3].memberships[0].evidence.complete: is false: \"confirmed\" needs a complete reprint / 为false：“已证实”须有注明媒体和日期的完整转载",
        ),
        (
            "a quote on indirect speech",
            Set(
                "/circles/0/definition/quote/evidence/speech",
                json!("indirect"),
            ),
            "circles[0].definition.quote.evidence.speech: is indirect: indirect speech is a paraphrase and takes no quotation marks / 为间接引语（indirect）：间接引语是转述，不能加引号",
        ),
        (
            "a quote whose report does not say whether it quotes directly",
            Edit(|s| {
                remove(s, "/circles/0/definition/quote/evidence", "speech");
            }),
            "circles[0].definition.quote.evidence.speech: is missing: evidence for a quote says whether the report quotes the words directly / 缺失：引语的证据须写明报道是直接引述",
        ),
        (
            "a quote on a translation",
            Edit(|s| {
                let evidence = at(s, "/circles/2/definition/quote/evidence");
                evidence["kind"] = json!("translation");
                evidence["original"] = json!({"outlet": "测试新闻社", "date": "2021-02-03"});
            }),
            "circles[2].definition.quote.evidence.kind: is translation: quotation marks need the issuer's text or a report that quotes directly / 是译文（translation）：引号只能用于发布方原文或直接引述的报道",
        ),
        (
            "a figure on an automated summary",
            Set("/figures/1/evidence/kind", json!("summary")),
            "figures[1].evidence.kind: is summary: a figure needs the issuer's text, a named outlet's report, or a reprint or translation that names its original / 是自动摘要（summary）：数据须出自发布方原文",
        ),
        (
            "an unknown kind",
            Set("/figures/0/evidence/kind", json!("blog")),
            "figures[0].evidence.kind: unknown evidence kind \"blog\": evidence says what kind of text it was read in, one of issuer, report, reprint, translation, summary, anonymous / 未知的证据类型“blog”：证据须写明摘自哪类文本",
        ),
        (
            "a story written before evidence kinds",
            Edit(|s| {
                remove(s, "/zones/0/evidence", "kind");
            }),
            "zones[0].evidence.kind: is missing: evidence says what kind of text it was read in / 缺失：证据须写明摘自哪类文本",
        ),
        (
            "a reprint that names no original",
            Set("/figures/2/evidence/kind", json!("reprint")),
            "figures[2].evidence.original: is missing: a reprint must name the report it copies or translates (outlet and date) / 缺失：转载必须写明原报道的媒体和日期（original）",
        ),
        (
            "a translation that names no original",
            Set("/figures/1/evidence/kind", json!("translation")),
            "figures[1].evidence.original: is missing: a translation must name the report it copies or translates / 缺失：译文必须写明原报道的媒体和日期",
        ),
        (
            "a membership that names no era",
            Set("/places/1/memberships/0/era", json!("plan-1999")),
            "places[1].memberships[0].era: \"plan-1999\" is none of the story's eras / “plan-1999”不是故事中的阶段（eras）",
        ),
        (
            "a bar worked out wrongly from two figures",
            Set(
                "/charts/0/bars/1/difference",
                json!({"of": "people", "minus": "people"}),
            ),
            "charts[0].bars[1].difference: people − people is not this value / people减people不等于该数值",
        ),
        (
            "a figure worked out wrongly from two others",
            Edit(|s| {
                remove(s, "/figures/3", "evidence");
                at(s, "/figures/3")["difference"] = json!({"of": "people", "minus": "people"});
            }),
            "figures[3].difference: people − people is not this value / people减people不等于该数值",
        ),
        (
            "a figure both stated in evidence and worked out",
            Edit(|s| {
                at(s, "/figures/3")["difference"] =
                    json!({"of": "people-total", "minus": "people"});
            }),
            "figures[3].difference: a value is either stated in evidence or worked out (difference), not both / 数值要么来自证据原句，要么由difference算出，不能两者都有",
        ),
        (
            "a quote said by no speaker of the story",
            Set("/circles/0/definition/quote/said/speaker", json!("nobody")),
            "circles[0].definition.quote.said.speaker: \"nobody\" is none of the story's speakers / “nobody”不是故事中的讲话人（speakers）",
        ),
        (
            "a quote without its occasion",
            Set("/circles/0/definition/quote/said/occasion/en", json!(" ")),
            "circles[0].definition.quote.said.occasion: en must not be empty / en不能为空",
        ),
        (
            "a document shown as a speaker",
            Set("/speakers/1/name/zh", json!("《测试规划》")),
            "speakers[1].name.zh: is a document or a publisher: a speaker is a person (a document is a source) / 是文件或发布机构：讲话人必须是人（文件应作为来源）",
        ),
        (
            "a publisher shown as a speaker",
            Set("/speakers/0/name/en", json!("Test News Service")),
            "speakers[0].name.en: is a document or a publisher: a speaker is a person (a document is a source) / 是文件或发布机构：讲话人必须是人（文件应作为来源）",
        ),
        (
            "an unconfirmed place whose part is confirmed, without naming the unconfirmed part",
            Edit(|s| at(s, "/places/0")["part_of"] = json!("near-east")),
            "places[1].memberships[0].part: must name the part that is unconfirmed: parts of this place (East Town) are confirmed members of the commuting circle / 必须写明哪一部分未证实：该地的部分地区（East Town）是commuting圈层的已证实成员",
        ),
        (
            "a part of a place that is not in the story",
            Edit(|s| at(s, "/places/0")["part_of"] = json!("atlantis")),
            "places[0].part_of: \"atlantis\" is none of the story's places / “atlantis”不是故事中的地点（places）",
        ),
        (
            "a chart without sources",
            Set("/charts/0/sources", json!([])),
            "charts[0].sources: must list at least one source / 至少要列出一个来源",
        ),
        (
            "a bar naming a source the chart does not have",
            Set("/charts/1/bars/1/source", json!(5)),
            "charts[1].bars[1].source: names source 5 of a chart with 2 sources (counting from 0) / 指向第5个来源，但图表只有2个来源（从0数起）",
        ),
        (
            "published not a date",
            Set("/published", json!("2020-13")),
            "published: \"2020-13\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY) / “2020-13”不是日期（应为YYYY-MM-DD、YYYY-MM或YYYY）",
        ),
        (
            "updated earlier than published",
            Set("/updated", json!("2019-12-31")),
            "updated: must not be earlier than published / 不能早于发布日期（published）",
        ),
        (
            "source url not https",
            Edit(|s| at(s, "/charts/0/sources/0")["url"] = json!("http://example.com/data")),
            "charts[0].sources[0].url: \"http://example.com/data\" must be an https:// address / \u{201c}http://example.com/data\u{201d}必须是https://网址",
        ),
        (
            "figure value NaN",
            Set("/figures/0/value", json!("NaN")),
            "figures[0].value: \"NaN\" is not a number (write digits with an optional decimal point and 万, 亿 or 万亿) / “NaN”不是数字（请写数字，可带小数点及万、亿或万亿）",
        ),
        (
            "figure value 1e308",
            Set("/figures/1/value", json!("1e308")),
            "figures[1].value: \"1e308\" is not a number (write digits with an optional decimal point and 万, 亿 or 万亿) / “1e308”不是数字（请写数字，可带小数点及万、亿或万亿）",
        ),
        (
            "figure value negative",
            Set("/figures/0/value", json!("-40")),
            "figures[0].value: \"-40\" must not be negative / “-40”不能为负数",
        ),
        (
            "percentage above 100",
            Set("/figures/0/value", json!("101")),
            "figures[0].value: a percentage must be at most 100 / 百分比不能超过100",
        ),
        (
            "JSON number where a value string is required",
            Set("/charts/0/bars/1/value", json!(40)),
            "charts[0].bars[1].value: invalid type: integer `40`, expected a string / 类型不对：现为整数40，应为字符串",
        ),
        (
            "empty ui text",
            Set("/ui/north/zh", json!("")),
            "ui.north: zh must not be empty / zh不能为空",
        ),
        (
            "blank source name",
            Set("/figures/1/source/name/en", json!("  ")),
            "figures[1].source.name: en must not be empty / en不能为空",
        ),
        (
            "duplicate place id",
            Set("/places/1/id", json!("east-town")),
            "places[1].id: \"east-town\" is used twice / “east-town”重复使用",
        ),
        (
            "figure id with invalid characters",
            Set("/figures/0/id", json!("Bad Id")),
            "figures[0].id: must be 1 to 64 characters of a-z, 0-9 and - / 只能由1至64个a-z、0-9和-字符组成",
        ),
        (
            "story id longer than 64 characters",
            Set("/id", json!("a".repeat(65))),
            "id: must be 1 to 64 characters of a-z, 0-9 and - / 只能由1至64个a-z、0-9和-字符组成",
        ),
        (
            "chart zh scale not allowed",
            Set("/charts/0/scale/zh", json!(5)),
            "charts[0].scale.zh: must be 0, 4, 8 or 12 (个, 万, 亿, 万亿) / 必须是0、4、8或12（个、万、亿、万亿）",
        ),
        (
            "chart en scale not allowed",
            Set("/charts/1/scale/en", json!(3)),
            "charts[1].scale.en: must be 0, 6, 9 or 12 (ones, million, billion, trillion) / 必须是0、6、9或12（个、百万、十亿、万亿）",
        ),
        (
            "chart with no bars",
            Set("/charts/1/bars", json!([])),
            "charts[1].bars: must have 1 to 8 bars / 必须有1至8个条形",
        ),
        (
            "chart with 9 bars",
            Edit(|s| {
                let bar = at(s, "/charts/1/bars/0").clone();
                list(s, "/charts/1/bars").resize(9, bar);
            }),
            "charts[1].bars: must have 1 to 8 bars / 必须有1至8个条形",
        ),
        (
            "a place in no circle that does not say why",
            Set("/places/8/orientation", Value::Null),
            "places[8].orientation: a place in no circle must say why it is shown / 不属于任何圈层的地点必须说明为何标出",
        ),
        (
            "a member shown for orientation",
            Set("/places/1/orientation", json!({"zh": "理由", "en": "why"})),
            "places[1].orientation: only a place in no circle is shown for orientation / 只有不属于任何圈层的地点才是仅供参考",
        ),
        (
            "memberships not innermost first",
            Edit(|s| list(s, "/places/5/memberships").reverse()),
            "places[5].memberships[1].circle: each circle once, innermost first / 每个圈层只列一次，由内向外排列",
        ),
        (
            "a status outside the one set of words",
            Set("/places/2/memberships/0/status", json!("reported")),
            "places[2].memberships[0].status: unknown variant `reported`, expected one of `confirmed`, `inferred`, `unconfirmed` / \u{201c}reported\u{201d}不是可用的取值，应为confirmed、inferred、unconfirmed之一",
        ),
        (
            "in_beijing place not in the commuting circle",
            Set("/places/0/memberships/0/circle", json!("functional")),
            "places[0].memberships.commuting: a place in Beijing is a confirmed member of the commuting circle (all of Beijing is in it) / 北京市内的地点是通勤圈的已证实成员（北京全域都在通勤圈内）",
        ),
    ]
}

/// `expected` with `{LAST_LINE}` (the fixture's last line) and `{VALUE_LINE}` (the line of
/// the first figure's value) filled in, so the cases follow the fixture as it grows.
fn with_fixture_lines(expected: &str) -> String {
    let value_line = FIXTURE
        .lines()
        .position(|l| l.contains("\"value\": \"40\","))
        .map_or(0, |i| i + 1);
    expected
        .replace("{LAST_LINE}", &FIXTURE.lines().count().to_string())
        .replace("{VALUE_LINE}", &value_line.to_string())
}

/// What is wrong with check-story's answer for `file`, or nothing. `expected` is
/// `FIELD: English fragment / Chinese fragment`; the fragments may leave out the place.
fn problems(file: &Path, output: &Output, expected: &str) -> Vec<String> {
    let expected = with_fixture_lines(expected);
    let (field, en, zh) = expected
        .split_once(": ")
        .and_then(|(field, message)| Some((field, message.split_once(" / ")?)))
        .map(|(field, (en, zh))| (field, en, zh))
        .unwrap_or_else(|| panic!("not `FIELD: English / 中文`: {expected}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut found = Vec::new();
    if output.status.code() != Some(1) {
        found.push(format!("exit {:?}, expected 1", output.status.code()));
    }
    let prefix = format!("{}: {field}: ", file.display());
    let matches = stderr.lines().any(|line| {
        line.strip_prefix(&prefix)
            .and_then(|message| message.split_once(" / "))
            .is_some_and(|(message_en, message_zh)| {
                message_en.contains(en) && message_zh.contains(zh)
            })
    });
    if !matches {
        found.push(format!("no line `{prefix}…{en}… / …{zh}…`"));
    }
    for line in stderr.lines() {
        let has_chinese = line
            .split_once(" / ")
            .is_some_and(|(_, zh)| zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        if !has_chinese {
            found.push(format!("line without Chinese after ` / `: {line}"));
        }
    }
    if !found.is_empty() {
        found.push(format!("stderr was:\n{stderr}"));
    }
    found
}

#[test]
fn every_broken_rule_is_reported_with_its_field_in_both_languages() {
    let dir = temp_dir("variants");
    let cases = cases();
    assert!(cases.len() >= 22, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for (i, (name, make, expected)) in cases.into_iter().enumerate() {
        let edited = |edit: &dyn Fn(&mut Value)| {
            let mut story: Value =
                serde_json::from_str(FIXTURE).unwrap_or_else(|e| panic!("fixture: {e}"));
            edit(&mut story);
            serde_json::to_vec_pretty(&story).unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        let bytes = match make {
            Make::Set(pointer, value) => edited(&|story| *at(story, pointer) = value.clone()),
            Make::Edit(edit) => edited(&edit),
            Make::Text(write) => write(FIXTURE),
        };
        let file = dir.join(format!("case-{i:02}.json"));
        std::fs::write(&file, bytes).unwrap_or_else(|e| panic!("cannot write {file:?}: {e}"));
        let output = check_story(&[&file]);
        for problem in problems(&file, &output, expected) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_valid_fixture_passes() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixture/story.json");
    let output = check_story(&[&fixture]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(stdout.lines().any(|l| l.contains("valid")), "{stdout}");
    assert!(output.stderr.is_empty(), "{output:?}");
}

#[test]
fn a_missing_file_is_named() {
    let dir = temp_dir("missing");
    let file = dir.join("absent.json");
    let output = check_story(&[&file]);
    let _ = std::fs::remove_dir_all(&dir);
    let problems = problems(
        &file,
        &output,
        "(file): cannot be read / 无法读取文件：文件不存在",
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_arguments_is_a_usage_error() {
    let output = check_story(&[]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: check-story"));
}

/// Every JSON pointer under `value` whose key is `evidence`, by a walk of the file's JSON that
/// knows nothing of the model or the report's code.
fn evidence_pointers(value: &Value, at: &str, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{at}/{key}");
                if key == "evidence" && child.is_object() {
                    found.push(here.clone());
                }
                evidence_pointers(child, &here, found);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                evidence_pointers(child, &format!("{at}/{i}"), found);
            }
        }
        _ => {}
    }
}

/// `places[7].memberships[2].evidence` → `/places/7/memberships/2/evidence`.
fn as_pointer(path: &str) -> String {
    let mut pointer = String::new();
    for part in path.split('.') {
        let (name, index) = part.split_once('[').unwrap_or((part, ""));
        pointer.push('/');
        pointer.push_str(name);
        if let Some(i) = index.strip_suffix(']') {
            pointer.push('/');
            pointer.push_str(i);
        }
    }
    pointer
}

#[test]
fn the_report_has_one_row_per_evidence_object() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for file in [
        "tests/fixture/story.json",
        "static/stories/capital-metro.json",
    ] {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut expected = Vec::new();
        evidence_pointers(&json, "", &mut expected);
        expected.sort();
        let output = check_story_report(&path);
        assert_eq!(output.status.code(), Some(0), "{file}: {output:?}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let mut lines = stdout.lines();
        assert_eq!(
            lines.next(),
            Some("path\tstatus\tkind\tspeech\toriginal\tread_at\tfound\tflag"),
            "{file}"
        );
        let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
        assert!(rows.iter().all(|r| r.len() == 8), "{file}: {stdout}");
        let mut paths: Vec<String> = rows.iter().map(|r| as_pointer(r[0])).collect();
        paths.sort();
        assert_eq!(paths, expected, "{file}");
        // A valid story's values and quotes stand in their evidence; every row names a kind.
        assert!(rows.iter().all(|r| r[6] != "no" && r[2] != "-"), "{file}");
    }
}

#[test]
fn the_report_of_a_broken_story_is_its_errors() {
    let dir = temp_dir("report-broken");
    let mut story: Value = serde_json::from_str(FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    *at(&mut story, "/places/0/memberships/0/evidence/kind") = json!("summary");
    let file = dir.join("broken.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&story).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let output = check_story_report(&file);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("places[0].memberships[0].evidence.kind: is summary"),
        "{stderr}"
    );
}
