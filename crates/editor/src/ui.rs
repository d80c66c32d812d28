//! The editor: open a story, edit it in a form made from the model, check it with the real
//! rules on every change, preview it with the graphic's own renderers, and save it in the
//! canonical format. Drafts are kept in the browser; undo and redo go back and forth.

use crate::canonical::{canonical, field, get, get_mut, steps};
use crate::checking::{Checked, Refused, check};
use crate::form::{Ctx, control, error_item, item_tools};
use crate::shape::{Shape, Step};
use crate::words::{error_count, part_name, say};
use crate::{browser, preview};
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use story::Lang;
use yew::prelude::*;

/// The template "New from template" opens: every text a placeholder.
pub(crate) const TEMPLATE: &str = include_str!("../static/template.json");
/// Steps of undo kept.
const UNDO_DEPTH: usize = 200;
/// The shipped story's path in the repository, for the build command.
const SHIPPED_PATH: &str = "static/stories/capital-metro.json";

/// The part of the story the form shows: a top-level key, and an item of a list.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub key: &'static str,
    pub index: Option<usize>,
}

/// The parts listed beside the form, in the file's order (the story's own few fields first).
const PARTS: [(&str, bool); 11] = [
    ("story", false),
    ("centre", false),
    ("circles", true),
    ("eras", true),
    ("speakers", true),
    ("sources", false),
    ("places", true),
    ("zones", true),
    ("figures", true),
    ("charts", true),
    ("ui", false),
];
/// The story's own fields, shown together as the part "story".
const STORY_FIELDS: [&str; 3] = ["id", "published", "updated"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Preview,
    Errors,
    Report,
}

#[derive(Clone)]
pub enum Msg {
    /// Sets the value at a path.
    Edit(Vec<Step>, Value),
    /// Appends an item to the list at a path.
    Add(Vec<Step>, Value),
    /// Removes the item or field at a path.
    Remove(Vec<Step>),
    /// Moves a list's item up (-1) or down (1).
    Move(Vec<Step>, isize),
    /// Replaces every copy of a source (the first value) by the second; the path is the
    /// field typed in, for undo.
    Source(Vec<Step>, Value, Value),
    Select(Part),
    /// Opens the part holding an error's field and moves focus there.
    Jump(String),
    Undo,
    Redo,
    OpenShipped,
    OpenTemplate,
    PickFile(web_sys::File),
    /// A file's text arrived (or could not be read).
    Opened(String, Result<String, Refused>),
    Save,
    Interface(Lang),
    Tab(Tab),
    Preview(preview::Settings),
}

pub struct Editor {
    draft: Value,
    /// The file name the draft is saved under.
    name: String,
    /// Whether the draft came from the shipped story (for the build command's path).
    shipped: bool,
    undo: Vec<Value>,
    redo: Vec<Value>,
    /// The field of the last edit: typing in one field is one step of undo.
    last_edit: Option<Vec<Step>>,
    checked: Checked,
    /// The part of the story each of `checked.errors` lies in, worked out once per check.
    error_parts: Vec<Option<Part>>,
    /// The latest story that passed: the preview shows it while the draft has errors.
    preview: preview::State,
    lang: Lang,
    part: Part,
    tab: Tab,
    /// Why the last file was not opened.
    refused: Option<Refused>,
    /// Why drafts are not being kept.
    storage: Option<Refused>,
    /// The field to move focus to once rendered.
    focus: Option<String>,
    checks: u32,
    loading: bool,
}

impl Component for Editor {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let lang = if web_sys::window()
            .and_then(|w| w.navigator().language())
            .is_some_and(|l| l.starts_with("zh"))
        {
            Lang::Zh
        } else {
            Lang::En
        };
        let mut editor = Editor {
            draft: Value::Null,
            name: "story.json".into(),
            shipped: false,
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
            checked: Checked::default(),
            error_parts: Vec::new(),
            preview: preview::State::default(),
            lang,
            part: Part {
                key: "story",
                index: None,
            },
            tab: Tab::Preview,
            refused: None,
            storage: None,
            focus: None,
            checks: 0,
            loading: false,
        };
        // A draft kept by an earlier visit comes back; otherwise the shipped story opens.
        match browser::kept_draft().map(|(name, text)| (name, crate::checking::open(&text))) {
            Some((name, Ok(draft))) => {
                editor.shipped = name == "capital-metro.json";
                editor.name = name;
                editor.draft = draft;
                let text = canonical(&editor.draft);
                editor.recheck(&text);
            }
            _ => ctx.link().send_message(Msg::OpenShipped),
        }
        editor
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Edit(path, value) => {
                let same_field = self.last_edit.as_ref() == Some(&path);
                self.change(!same_field, |draft| {
                    if let Some(slot) = get_mut(draft, &path) {
                        *slot = value;
                    }
                });
                self.last_edit = Some(path);
            }
            Msg::Add(path, value) => {
                let mut added = None;
                self.change(true, |draft| {
                    if let Some(slot) = get_mut(draft, &path) {
                        if slot.is_null() {
                            *slot = Value::Array(Vec::new());
                        }
                        if let Some(items) = slot.as_array_mut() {
                            items.push(value);
                            added = Some(items.len() - 1);
                        }
                    }
                });
                if let (Some(i), [Step::Key(key)]) = (added, path.as_slice())
                    && let Some((key, _)) = PARTS.iter().find(|(k, _)| k == key)
                {
                    self.part = Part {
                        key,
                        index: Some(i),
                    };
                }
            }
            Msg::Remove(path) => {
                self.change(true, |draft| {
                    if let Some((last, parent)) = path.split_last()
                        && let Some(parent) = get_mut(draft, parent)
                    {
                        match (last, parent) {
                            (Step::Index(i), Value::Array(items)) if *i < items.len() => {
                                items.remove(*i);
                            }
                            (Step::Key(key), Value::Object(map)) => {
                                map.shift_remove(key);
                            }
                            _ => {}
                        }
                    }
                });
                if let [Step::Key(_), Step::Index(i)] = path.as_slice()
                    && self.part.index == Some(*i)
                {
                    self.part.index = i.checked_sub(1).or(Some(0));
                }
            }
            Msg::Move(path, by) => {
                let mut moved = None;
                self.change(true, |draft| {
                    if let Some((Step::Index(i), parent)) = path.split_last()
                        && let Some(Value::Array(items)) = get_mut(draft, parent)
                        && let Some(to) = i.checked_add_signed(by).filter(|to| *to < items.len())
                    {
                        items.swap(*i, to);
                        moved = Some(to);
                    }
                });
                if let (Some(to), [Step::Key(_), Step::Index(_)]) = (moved, path.as_slice()) {
                    self.part.index = Some(to);
                }
            }
            Msg::Source(path, old, new) => {
                let same_field = self.last_edit.as_ref() == Some(&path);
                self.change(!same_field, |draft| {
                    crate::form::replace_source(draft, &old, &new);
                });
                self.last_edit = Some(path);
            }
            Msg::Select(part) => {
                self.part = part;
                self.focus = Some("item-title".into());
            }
            Msg::Jump(field_name) => {
                if let Some(part) = part_of(&field_name) {
                    self.part = part;
                }
                self.focus = Some(format!("f:{field_name}"));
            }
            Msg::Undo => {
                if let Some(previous) = self.undo.pop() {
                    self.redo.push(std::mem::replace(&mut self.draft, previous));
                    self.last_edit = None;
                    self.after_change();
                }
            }
            Msg::Redo => {
                if let Some(next) = self.redo.pop() {
                    self.undo.push(std::mem::replace(&mut self.draft, next));
                    self.last_edit = None;
                    self.after_change();
                }
            }
            Msg::OpenShipped => {
                self.loading = true;
                ctx.link().send_future(async {
                    Msg::Opened("capital-metro.json".into(), browser::shipped_story().await)
                });
            }
            Msg::OpenTemplate => {
                ctx.link()
                    .send_message(Msg::Opened("new-story.json".into(), Ok(TEMPLATE.into())));
            }
            Msg::PickFile(file) => {
                let name = file.name();
                ctx.link()
                    .send_future(async move { Msg::Opened(name, browser::read_file(file).await) });
            }
            Msg::Opened(name, text) => {
                self.loading = false;
                match text.and_then(|t| crate::checking::open(&t)) {
                    Ok(draft) => {
                        self.refused = None;
                        self.shipped = name == "capital-metro.json";
                        self.name = name;
                        // What was there stays one undo away: nothing typed is lost.
                        let had_draft = !self.draft.is_null();
                        let previous = std::mem::replace(&mut self.draft, draft);
                        if had_draft {
                            self.undo.push(previous);
                        }
                        self.redo.clear();
                        self.last_edit = None;
                        self.part = Part {
                            key: "story",
                            index: None,
                        };
                        self.after_change();
                    }
                    Err(refused) => self.refused = Some(refused),
                }
            }
            Msg::Save => {
                if !self.draft.is_null() {
                    browser::download(&self.name, &canonical(&self.draft));
                }
                return false;
            }
            Msg::Interface(lang) => self.lang = lang,
            Msg::Tab(tab) => self.tab = tab,
            Msg::Preview(settings) => self.preview.set(settings),
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let lang = self.lang;
        let link = ctx.link();
        let other = match lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        let onfile = link.batch_callback(|e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let file = input.files().and_then(|files| files.get(0));
            input.set_value("");
            file.map(Msg::PickFile)
        });
        let ondrop = link.batch_callback(|e: DragEvent| {
            e.prevent_default();
            e.data_transfer()
                .and_then(|d| d.files())
                .and_then(|files| files.get(0))
                .map(Msg::PickFile)
        });
        let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
        // Ctrl+Z and Ctrl+Shift+Z or Ctrl+Y (⌘ on a Mac) step through the draft's changes, in a
        // field too: typing in one field is one step.
        let onkeydown = link.batch_callback(|e: KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
                return None;
            }
            let msg = match (e.key().to_lowercase().as_str(), e.shift_key()) {
                ("z", false) => Msg::Undo,
                ("z", true) | ("y", false) => Msg::Redo,
                _ => return None,
            };
            e.prevent_default();
            Some(msg)
        });
        html! {
            <div class="editor" {ondrop} {ondragover} {onkeydown}>
                <header class="bar">
                    <h1>{ say(lang, "Story editor", "故事编辑器") }</h1>
                    <div class="tools" role="group" aria-label={say(lang, "File", "文件")}>
                        <button type="button" onclick={link.callback(|_| Msg::OpenShipped)}>{ say(lang, "Open the shipped story", "打开随附的故事") }</button>
                        <button type="button" onclick={link.callback(|_| Msg::OpenTemplate)}>{ say(lang, "New from template", "从模板新建") }</button>
                        <label class="file-pick">
                            { say(lang, "Open a file (or drop it here)", "打开文件（或拖放到此处）") }
                            <input type="file" accept=".json,application/json" onchange={onfile} />
                        </label>
                        <button type="button" disabled={self.undo.is_empty()} aria-keyshortcuts="Control+Z" onclick={link.callback(|_| Msg::Undo)}>{ say(lang, "Undo", "撤销") }</button>
                        <button type="button" disabled={self.redo.is_empty()} aria-keyshortcuts="Control+Shift+Z Control+Y" onclick={link.callback(|_| Msg::Redo)}>{ say(lang, "Redo", "重做") }</button>
                        <button type="button" class="save" onclick={link.callback(|_| Msg::Save)}>
                            { format!("{} {}", say(lang, "Download", "下载"), self.name) }
                        </button>
                        <button type="button" lang={other.html_tag()} onclick={link.callback(move |_| Msg::Interface(other))}>
                            { say(other, "English", "中文") }
                        </button>
                    </div>
                </header>
                <main>
                    { self.notices() }
                    { self.status(link) }
                    <div class="columns">
                        { self.parts(link) }
                        { self.form(link) }
                        { self.side(link) }
                    </div>
                </main>
            </div>
        }
    }

    fn rendered(&mut self, _ctx: &Context<Self>, _first: bool) {
        browser::set_page(self.lang, self.preview.settings.dark);
        browser::mark("data-checked", self.checks);
        browser::mark("data-preview", self.preview.revision);
        if let Some(id) = self.focus.take() {
            browser::focus_field(&id);
        }
    }
}

/// The part of the story that holds field `field_name` (`places[3].lat` → places, 3).
fn part_of(field_name: &str) -> Option<Part> {
    let path = steps(field_name);
    let Some(Step::Key(first)) = path.first() else {
        return None;
    };
    if STORY_FIELDS.contains(&first.as_str()) {
        return Some(Part {
            key: "story",
            index: None,
        });
    }
    let (key, listed) = PARTS.iter().find(|(k, _)| k == first)?;
    let index = match path.get(1) {
        Some(Step::Index(i)) if *listed => Some(*i),
        _ if *listed => Some(0),
        _ => None,
    };
    Some(Part { key, index })
}

impl Editor {
    /// Changes the draft (one step of undo when `new_step`), then checks it again.
    fn change(&mut self, new_step: bool, edit: impl FnOnce(&mut Value)) {
        if self.draft.is_null() {
            return;
        }
        if new_step {
            self.undo.push(self.draft.clone());
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        edit(&mut self.draft);
        self.after_change();
    }

    /// Checks the draft, keeps it in the browser's storage and updates the preview.
    fn after_change(&mut self) {
        let text = canonical(&self.draft);
        self.recheck(&text);
        self.storage = browser::keep_draft(&self.name, &text).err();
    }

    /// Checks the draft, saved as `text`.
    fn recheck(&mut self, text: &str) {
        self.checked = check(&self.draft, text);
        self.error_parts = self
            .checked
            .errors
            .iter()
            .map(|e| part_of(&e.field))
            .collect();
        self.checks += 1;
        if let Some(story) = &self.checked.story {
            self.preview.show(Rc::clone(story));
        }
    }

    fn notices(&self) -> Html {
        let lang = self.lang;
        let notice = |class: &'static str, r: &Refused| {
            html! {
                <div class={classes!("notice", class)} role="alert">
                    <p lang="en">{ &r.en }</p>
                    <p lang="zh-CN">{ &r.zh }</p>
                </div>
            }
        };
        html! {
            <>
                { for self.refused.iter().map(|r| notice("refused", r)) }
                { for self.storage.iter().map(|r| notice("storage", r)) }
                { if self.loading { html! { <p class="notice">{ say(lang, "Loading…", "正在载入…") }</p> } } else { html! {} } }
            </>
        }
    }

    /// How many errors, and when there are none, the command that builds the story.
    fn status(&self, link: &yew::html::Scope<Self>) -> Html {
        let lang = self.lang;
        let n = self.checked.errors.len();
        let path = if self.shipped {
            SHIPPED_PATH.to_owned()
        } else {
            format!("static/stories/{}", self.name)
        };
        html! {
            <section class={classes!("status", (n > 0).then_some("failing"))} aria-labelledby="status-line">
                <p id="status-line" role="status">
                    <strong>{ error_count(n, lang) }</strong>
                    { if n > 0 {
                        html! {
                            <button type="button" class="small" onclick={link.callback(|_| Msg::Tab(Tab::Errors))}>
                                { say(lang, "List them", "列出全部") }
                            </button>
                        }
                    } else { html! {} } }
                </p>
                { if n == 0 && !self.draft.is_null() {
                    html! {
                        <p class="command">
                            { say(lang, "Save it as ", "保存为") }<code>{ &path }</code>
                            { say(lang, ", then build it with ", "，然后用以下命令构建：") }
                            <code class="build-command">{ format!("make build STORY={path}") }</code>
                        </p>
                    }
                } else { html! {} } }
            </section>
        }
    }

    /// The list of the story's parts.
    fn parts(&self, link: &yew::html::Scope<Self>) -> Html {
        let lang = self.lang;
        let errors_in = |part: &Part| {
            self.error_parts
                .iter()
                .filter(|p| p.as_ref() == Some(part))
                .count()
        };
        let button = |part: Part, text: String| {
            let n = errors_in(&part);
            let current = part == self.part;
            let onclick = {
                let part = part.clone();
                link.callback(move |_| Msg::Select(part.clone()))
            };
            html! {
                <li>
                    <button type="button" class={classes!("part", (n > 0).then_some("has-errors"))}
                            aria-current={current.then_some("true")} {onclick}>
                        { text }
                        { if n > 0 { html! { <span class="count">{ format!(" ({n})") }</span> } } else { html! {} } }
                    </button>
                </li>
            }
        };
        html! {
            <nav class="parts" aria-label={say(lang, "Parts of the story", "故事的各部分")}>
                { for PARTS.iter().map(|(key, listed)| {
                    if !*listed {
                        return html! { <ul>{ button(Part { key, index: None }, part_name(key, lang).to_owned()) }</ul> };
                    }
                    let items = self.draft.get(*key).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                    let add = {
                        let shape = crate::shape::story().at(&[Step::Key((*key).into()), Step::Index(0)]);
                        let path = vec![Step::Key((*key).into())];
                        link.callback(move |_| Msg::Add(path.clone(), shape.map_or(Value::Null, Shape::blank)))
                    };
                    html! {
                        <>
                            <h2>{ part_name(key, lang) }</h2>
                            <ul>
                                { for items.iter().enumerate().map(|(i, item)| button(Part { key, index: Some(i) }, item_name(item, i, lang))) }
                            </ul>
                            { if *key != "circles" {
                                html! { <button type="button" class="small add" onclick={add}>{ format!("+ {}", say(lang, "Add", "添加")) }</button> }
                            } else { html! {} } }
                        </>
                    }
                }) }
            </nav>
        }
    }

    /// The form of the open part.
    fn form(&self, link: &yew::html::Scope<Self>) -> Html {
        let lang = self.lang;
        if self.draft.is_null() {
            return html! { <section class="form"><p>{ say(lang, "No story open.", "尚未打开故事。") }</p></section> };
        }
        let ctx = Ctx {
            link,
            draft: &self.draft,
            errors: &self.checked.errors,
            lang,
            shown: RefCell::new(Vec::new()),
            sources: std::cell::OnceCell::new(),
        };
        let Shape::Record(fields) = crate::shape::story() else {
            return html! {};
        };
        let (title, body) = match (self.part.key, self.part.index) {
            ("sources", _) => (
                part_name("sources", lang).to_owned(),
                crate::form::sources_view(&ctx),
            ),
            ("story", _) => (
                part_name("story", lang).to_owned(),
                fields
                    .iter()
                    .filter(|f| STORY_FIELDS.contains(&f.key))
                    .map(|f| control(&ctx, &f.shape, &[Step::Key(f.key.into())], f.key))
                    .collect::<Html>(),
            ),
            (key, None) => {
                let path = [Step::Key(key.into())];
                let shape = crate::shape::story().at(&path);
                (
                    part_name(key, lang).to_owned(),
                    shape.map_or(html! {}, |s| control(&ctx, s, &path, key)),
                )
            }
            (key, Some(i)) => {
                let path = [Step::Key(key.into()), Step::Index(i)];
                let n = self
                    .draft
                    .get(key)
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                let shape = crate::shape::story().at(&path);
                let item = get(&self.draft, &path);
                match (shape, item) {
                    (Some(shape), Some(item)) => (
                        format!("{} · {}", part_name(key, lang), item_name(item, i, lang)),
                        html! {
                            <>
                                { if key != "circles" { item_tools(&ctx, &path, i, n) } else { html! {} } }
                                { control(&ctx, shape, &path, &field(&path)) }
                            </>
                        },
                    ),
                    _ => (
                        part_name(key, lang).to_owned(),
                        html! { <p>{ say(lang, "Nothing here yet: add one.", "此处尚无内容，请添加。") }</p> },
                    ),
                }
            }
        };
        // Errors of this part whose field has no control of its own.
        let shown = ctx.shown.borrow().clone();
        let unplaced: Vec<_> = self
            .checked
            .errors
            .iter()
            .zip(&self.error_parts)
            .enumerate()
            .filter(|(i, (_, part))| !shown.contains(i) && part.as_ref() == Some(&self.part))
            .map(|(_, (e, _))| e)
            .collect();
        html! {
            <section class="form" aria-labelledby="item-title">
                <h2 id="item-title" tabindex="-1">{ title }</h2>
                { if unplaced.is_empty() { html! {} } else {
                    html! {
                        <ul class="field-errors">
                            { for unplaced.iter().map(|e| html! {
                                <>
                                    <li class="field-error"><code>{ &e.field }</code></li>
                                    { error_item(e) }
                                </>
                            }) }
                        </ul>
                    }
                } }
                { body }
            </section>
        }
    }

    /// The preview, the list of errors and the fact-check, as tabs.
    fn side(&self, link: &yew::html::Scope<Self>) -> Html {
        let lang = self.lang;
        let tab = |t: Tab, en: &'static str, zh: &'static str| {
            let pressed = if self.tab == t { "true" } else { "false" };
            let label = match t {
                Tab::Errors => format!("{} ({})", say(lang, en, zh), self.checked.errors.len()),
                _ => say(lang, en, zh).to_owned(),
            };
            html! {
                <button type="button" class="tab" aria-pressed={pressed} onclick={link.callback(move |_| Msg::Tab(t))}>{ label }</button>
            }
        };
        let body = match self.tab {
            Tab::Preview => self.preview.view(link, lang),
            Tab::Errors => self.error_list(link),
            Tab::Report => self.report(link),
        };
        html! {
            <section class="side-pane" aria-label={say(lang, "Preview and checks", "预览与检查")}>
                <div class="tabs" role="group">
                    { tab(Tab::Preview, "Preview", "预览") }
                    { tab(Tab::Errors, "Errors", "错误") }
                    { tab(Tab::Report, "Fact-check", "核查") }
                </div>
                { body }
            </section>
        }
    }

    /// Every error, each a link to its field.
    fn error_list(&self, link: &yew::html::Scope<Self>) -> Html {
        let lang = self.lang;
        if self.checked.errors.is_empty() {
            return html! { <p class="errors-none">{ error_count(0, lang) }</p> };
        }
        html! {
            <ol class="error-list">
                { for self.checked.errors.iter().map(|e| {
                    let target = e.field.clone();
                    let onclick = link.callback(move |_| Msg::Jump(target.clone()));
                    html! {
                        <li>
                            <button type="button" class="jump" {onclick}><code>{ &e.field }</code></button>
                            <span lang="en">{ &e.message }</span>
                            <span lang="zh-CN">{ &e.message_zh }</span>
                        </li>
                    }
                }) }
            </ol>
        }
    }

    /// `check-story --report`: one row per evidence object.
    fn report(&self, link: &yew::html::Scope<Self>) -> Html {
        let lang = self.lang;
        if self.checked.story.is_none() {
            return html! { <p>{ say(lang, "The fact-check lists a story that passes: fix the errors first.", "故事通过检查后才能列出核查表：请先改正错误。") }</p> };
        }
        let yes_no = |found: Option<bool>| match found {
            Some(true) => say(lang, "yes", "是"),
            Some(false) => say(lang, "no", "否"),
            None => "—",
        };
        html! {
            <div class="report-wrap">
                <table class="report">
                    <caption>{ say(lang, "One row per evidence object, as check-story --report prints it", "每条证据一行，与check-story --report的输出相同") }</caption>
                    <thead><tr>
                        <th scope="col">{ say(lang, "Field", "字段") }</th>
                        <th scope="col">{ say(lang, "Status", "状态") }</th>
                        <th scope="col">{ say(lang, "Kind", "证据类型") }</th>
                        <th scope="col">{ say(lang, "Speech", "引语") }</th>
                        <th scope="col">{ say(lang, "Original", "原始报道") }</th>
                        <th scope="col">{ say(lang, "Read at", "阅读出处") }</th>
                        <th scope="col">{ say(lang, "Found", "原文可见") }</th>
                        <th scope="col">{ say(lang, "Flag", "提示") }</th>
                    </tr></thead>
                    <tbody>
                        { for self.checked.rows.iter().map(|row| {
                            let target = row.path.clone();
                            let onclick = link.callback(move |_| Msg::Jump(target.clone()));
                            html! {
                                <tr>
                                    <td><button type="button" class="jump" {onclick}><code>{ &row.path }</code></button></td>
                                    <td>{ row.status }</td>
                                    <td>{ row.kind.map_or("—", |k| k.slug()) }</td>
                                    <td>{ row.speech.map_or("—", story::evidence::Speech::slug) }</td>
                                    <td>{ row.original.clone().unwrap_or_else(|| "—".into()) }</td>
                                    <td class="address">{ row.read_at.clone().unwrap_or_else(|| "—".into()) }</td>
                                    <td>{ yes_no(row.found) }</td>
                                    <td>{ row.flag.unwrap_or("—") }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        }
    }
}

/// A list item's name in the list of parts: its name, else its id, else its place in the list.
fn item_name(item: &Value, i: usize, lang: Lang) -> String {
    let named = ["name", "title", "label"]
        .iter()
        .find_map(|key| item.get(*key)?.get(lang.code())?.as_str())
        .filter(|s| !s.is_empty());
    let id = item
        .get("id")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty());
    match (named, id) {
        (Some(name), Some(id)) if name != id => format!("{name} ({id})"),
        (Some(name), _) => name.to_owned(),
        (None, Some(id)) => id.to_owned(),
        (None, None) => format!("#{}", i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_errors_field_opens_the_part_that_holds_it() {
        use crate::form::field_id;
        let part = |key, index| Some(Part { key, index });
        assert_eq!(
            part_of("places[3].memberships[0].status"),
            part("places", Some(3))
        );
        assert_eq!(part_of("figures[12].value"), part("figures", Some(12)));
        assert_eq!(part_of("updated"), part("story", None));
        assert_eq!(part_of("ui.headline.zh"), part("ui", None));
        assert_eq!(part_of("circles"), part("circles", Some(0)));
        assert_eq!(part_of("(file)"), None);
        // The form's ids are the reader's notation, so a jump finds its control.
        assert_eq!(field_id(&steps("places[3].lat")), "f:places[3].lat");
    }
}
