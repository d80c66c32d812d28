//! The editor's own words, in both languages: `say(lang, en, zh)` keeps each pair together
//! where it is used, so zh and en say the same thing.

use story::Lang;

pub fn say(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The parts of a story, as the list beside the form names them.
pub fn part_name(key: &str, lang: Lang) -> &'static str {
    let (en, zh) = match key {
        "story" => ("Story", "故事"),
        "centre" => ("Centre", "中心"),
        "circles" => ("Circles", "圈层"),
        "eras" => ("Eras", "阶段"),
        "speakers" => ("Speakers", "讲话人"),
        "sources" => ("Sources", "来源"),
        "places" => ("Places", "地点"),
        "zones" => ("Zones", "区域"),
        "figures" => ("Figures", "数据"),
        "charts" => ("Charts", "图表"),
        "ui" => ("Interface words", "界面文字"),
        _ => ("Other", "其他"),
    };
    say(lang, en, zh)
}

/// How many errors, as the status line says it.
pub fn error_count(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (0, Lang::En) => "Passes every rule of check-story.".into(),
        (0, Lang::Zh) => "通过check-story的全部规则。".into(),
        (1, Lang::En) => "1 error".into(),
        (n, Lang::En) => format!("{n} errors"),
        (n, Lang::Zh) => format!("{n}处错误"),
    }
}

/// "About 104 km south-southwest of Tiananmen", as a place's coordinates are typed.
pub fn distance_line(km: f64, compass: &str, centre: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("About {km:.0} km {compass} of {centre}"),
        Lang::Zh => format!("位于{centre}{compass}方向约{km:.0}公里"),
    }
}
