//! Yew components: render from props and state; anything touching the browser happens in
//! effects or in `edge`, never during render, so the same components prerender natively.

mod app;
mod chart;
mod diagram;
mod panel;
mod text_version;
mod tools;

pub use app::{App, AppProps};
pub use chart::chart_colours;

use crate::story::Story;

/// The story, baked into the app. Equal when it is the same story, so props compare in O(1).
#[derive(Clone, Copy, Debug)]
pub struct StoryRef(pub &'static Story);

impl PartialEq for StoryRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// Props of the parts that change with the language only, so a selection skips them.
#[derive(yew::Properties, PartialEq)]
pub(crate) struct StoryLangProps {
    pub story: StoryRef,
    pub lang: crate::story::Lang,
}

impl std::ops::Deref for StoryRef {
    type Target = Story;
    fn deref(&self) -> &Story {
        self.0
    }
}

/// Formats an ISO date for the reader: `2023-01-15` → `2023年1月15日` / `15 Jan 2023`.
pub fn date_text(iso: &str, lang: crate::story::Lang) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match (lang, parts.as_slice()) {
        (crate::story::Lang::Zh, [y, m, d]) => format!("{y}年{m}月{d}日"),
        (crate::story::Lang::Zh, [y, m]) => format!("{y}年{m}月"),
        (crate::story::Lang::En, [y, m, d]) => {
            let month = MONTHS
                .get((*m as usize).wrapping_sub(1))
                .copied()
                .unwrap_or("");
            format!("{d} {month} {y}")
        }
        (crate::story::Lang::En, [y, m]) => {
            let month = MONTHS
                .get((*m as usize).wrapping_sub(1))
                .copied()
                .unwrap_or("");
            format!("{month} {y}")
        }
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Lang;

    #[test]
    fn dates_read_naturally_in_each_language() {
        assert_eq!(date_text("2023-01-15", Lang::Zh), "2023年1月15日");
        assert_eq!(date_text("2023-01-15", Lang::En), "15 Jan 2023");
        assert_eq!(date_text("2023-02", Lang::En), "Feb 2023");
        assert_eq!(date_text("nonsense", Lang::En), "nonsense");
    }
}
