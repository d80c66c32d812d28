//! The preview: the latest story that passed, through the graphic's own renderers. The page
//! view is the app's panel and legend (`app::components`) under the diagram as the build draws
//! it; the WeChat article and the long image are the SVG the build publishes (`typeset`), from
//! the same outline.

use crate::browser::svg_data_url;
use crate::ui::{Editor, Msg};
use crate::words::say;
use app::components::{Legend, OutlineRef, Panel};
use std::rc::Rc;
use story::{CircleId, Lang, Story};
use typeset::column::{Channel, article, column_diagram};
use yew::html::Scope;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Page,
    WeChat,
    LongImage,
}

/// What the preview shows, as its controls set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// 1280 px wide rather than a phone's 375.
    pub wide: bool,
    pub lang: Lang,
    /// Forced dark or light; `None` follows the system.
    pub dark: Option<bool>,
    pub view: View,
    pub circle: Option<CircleId>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            wide: false,
            lang: Lang::Zh,
            dark: None,
            view: View::Page,
            circle: None,
        }
    }
}

/// The preview's story and what is made from it for the current settings.
#[derive(Default)]
pub struct State {
    pub settings: Settings,
    story: Option<Rc<Story>>,
    outline: Option<OutlineRef>,
    /// The image of the current view (the diagram, the article or the long image).
    image: String,
    /// Counts the preview's updates (`data-preview` on `<html>`, for tests and benchmarks).
    pub revision: u32,
}

impl State {
    /// Shows `story`, which passed every rule.
    pub fn show(&mut self, story: Rc<Story>) {
        self.story = Some(story);
        self.make();
    }

    pub fn set(&mut self, settings: Settings) {
        let remake = settings.lang != self.settings.lang
            || settings.view != self.settings.view
            || settings.dark != self.settings.dark;
        self.settings = settings;
        if remake {
            self.make();
        }
    }

    fn make(&mut self) {
        let Some(story) = &self.story else { return };
        let lang = self.settings.lang;
        let outline = graphic::outline::outline(story, lang);
        let diagram = column_diagram(story, lang);
        let svg = match self.settings.view {
            // The diagram alone, in the theme shown: the panel and legend are the app's own.
            View::Page => {
                let palette = match self.settings.dark {
                    Some(true) => graphic::palette::DARK,
                    _ => graphic::palette::LIGHT,
                };
                format!(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" font-family=\"{fonts}\">{}{}</svg>",
                    typeset::diagram::discs_svg(&diagram, &palette, 0.0),
                    typeset::diagram::overlay_svg(&diagram, &palette, 0.0),
                    size = typeset::column::COLUMN_PX,
                    fonts = typeset::text::FONTS,
                )
            }
            View::WeChat => article(story, &outline, &diagram, Channel::WeChat, None).svg(),
            View::LongImage => {
                let set = article(story, &outline, &diagram, Channel::LongImage, None);
                set.window_svg(0.0, set.height_px, 750)
            }
        };
        self.image = svg_data_url(&svg);
        self.outline = Some(OutlineRef(Rc::new(outline)));
        self.revision += 1;
    }

    pub fn view(&self, link: &Scope<Editor>, ui: Lang) -> Html {
        let s = self.settings;
        let toggle = |label: String, pressed: bool, next: Settings| {
            let onclick = link.callback(move |_| Msg::Preview(next));
            html! {
                <button type="button" class="small" aria-pressed={if pressed { "true" } else { "false" }} {onclick}>{ label }</button>
            }
        };
        let controls = html! {
            <div class="preview-controls">
                <div role="group" aria-label={say(ui, "Width", "宽度")}>
                    { toggle("375 px".into(), !s.wide, Settings { wide: false, ..s }) }
                    { toggle("1280 px".into(), s.wide, Settings { wide: true, ..s }) }
                </div>
                <div role="group" aria-label={say(ui, "Language of the graphic", "图表语言")}>
                    { toggle("中文".into(), s.lang == Lang::Zh, Settings { lang: Lang::Zh, ..s }) }
                    { toggle("English".into(), s.lang == Lang::En, Settings { lang: Lang::En, ..s }) }
                </div>
                <div role="group" aria-label={say(ui, "Theme", "配色")}>
                    { toggle(say(ui, "Light", "浅色").into(), s.dark == Some(false), Settings { dark: Some(false), ..s }) }
                    { toggle(say(ui, "Dark", "深色").into(), s.dark == Some(true), Settings { dark: Some(true), ..s }) }
                </div>
                <div role="group" aria-label={say(ui, "What to preview", "预览内容")}>
                    { toggle(say(ui, "Page", "网页").into(), s.view == View::Page, Settings { view: View::Page, ..s }) }
                    { toggle(say(ui, "WeChat article", "微信文章").into(), s.view == View::WeChat, Settings { view: View::WeChat, ..s }) }
                    { toggle(say(ui, "Long image", "长图").into(), s.view == View::LongImage, Settings { view: View::LongImage, ..s }) }
                </div>
            </div>
        };
        let (Some(_), Some(outline)) = (&self.story, &self.outline) else {
            return html! {
                <>
                    { controls }
                    <p class="preview-empty">{ say(ui, "The preview appears once the story passes every rule.", "故事通过全部检查后显示预览。") }</p>
                </>
            };
        };
        let lang = s.lang;
        let body = match s.view {
            View::Page => {
                let pick = |circle: Option<CircleId>, name: String| {
                    toggle(name, s.circle == circle, Settings { circle, ..s })
                };
                html! {
                    <div class={classes!("graphic", format!("lang-{}", lang.code()))} lang={lang.html_tag()}>
                        <header class="head">
                            <p class="kicker">{ &outline.kicker }</p>
                            <p class="preview-headline">{ &outline.headline }</p>
                            <p class="standfirst">{ &outline.standfirst }</p>
                        </header>
                        <img class="preview-diagram" src={self.image.clone()} alt={outline.diagram_label.clone()} />
                        <Legend outline={outline.clone()} />
                        <div class="preview-picker" role="group" aria-label={say(ui, "Circle shown in the panel", "面板显示的圈层")}>
                            { for outline.sections.iter().filter_map(|section| match section.kind {
                                graphic::outline::SectionKind::Overview => Some(pick(None, section.heading.clone())),
                                graphic::outline::SectionKind::Circle(id) => Some(pick(Some(id), section.heading.clone())),
                                graphic::outline::SectionKind::Places => None,
                            }) }
                        </div>
                        <Panel outline={outline.clone()} selected={s.circle} />
                    </div>
                }
            }
            View::WeChat | View::LongImage => html! {
                <img class="preview-article" src={self.image.clone()}
                     alt={format!("{}: {}", say(ui, "Preview", "预览"), outline.headline)} />
            },
        };
        html! {
            <>
                { controls }
                <div class={classes!("preview", if s.wide { "wide" } else { "narrow" })}>
                    { body }
                </div>
            </>
        }
    }
}
