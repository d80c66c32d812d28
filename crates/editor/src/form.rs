//! The form: one control per value of the open part of the story, made from its [`Shape`].
//! Each control edits the JSON draft at its path; each error of the checker is shown beside the
//! field it names, in both languages.

use crate::canonical::{field, get};
use crate::shape::{Hint, Shape, Step};
use crate::ui::{Editor, Msg};
use crate::words::say;
use serde_json::Value;
use std::cell::RefCell;
use story::{Lang, StoryError};
use yew::html::Scope;
use yew::prelude::*;

/// What every control needs: the draft, the errors, the interface language, and a record of
/// which errors found their field (the others are listed above the form).
pub struct Ctx<'a> {
    pub link: &'a Scope<Editor>,
    pub draft: &'a Value,
    pub errors: &'a [StoryError],
    pub lang: Lang,
    pub shown: RefCell<Vec<usize>>,
    /// The draft's distinct sources, walked for at most once a render.
    pub sources: std::cell::OnceCell<std::rc::Rc<Vec<(Value, usize)>>>,
}

/// The form id of the value at `path`: `f:places[3].lat`.
pub fn field_id(path: &[Step]) -> String {
    format!("f:{}", field(path))
}

impl Ctx<'_> {
    /// The errors at exactly this field, marked as shown.
    fn errors_at(&self, path: &[Step]) -> Vec<&StoryError> {
        let here = field(path);
        let mut found = Vec::new();
        for (i, e) in self.errors.iter().enumerate() {
            if e.field == here {
                self.shown.borrow_mut().push(i);
                found.push(e);
            }
        }
        found
    }

    /// The errors at a field; for a claim's `value`, also those of its evidence as a whole
    /// (the evidence does not state the value), which are shown at the evidence too.
    fn value_errors(&self, path: &[Step]) -> Vec<&StoryError> {
        let mut errors = self.errors_at(path);
        if let Some((Step::Key(key), parent)) = path.split_last()
            && key == "value"
        {
            errors.extend(self.errors_at(&with(parent, Step::Key("evidence".into()))));
        }
        errors
    }

    fn error_html(&self, path: &[Step], errors: &[&StoryError]) -> Html {
        if errors.is_empty() {
            return html! {};
        }
        html! {
            <ul class="field-errors" id={format!("e:{}", field(path))}>
                { for errors.iter().map(|e| error_item(e)) }
            </ul>
        }
    }

    /// A click that sends `msg`.
    fn on_click(&self, msg: Msg) -> Callback<MouseEvent> {
        self.on_click_with(move || msg.clone())
    }

    /// A click that sends what `make` makes then (a blank record is made on the click, not at
    /// every render).
    fn on_click_with(&self, make: impl Fn() -> Msg + 'static) -> Callback<MouseEvent> {
        self.link.callback(move |_: MouseEvent| make())
    }

    /// The draft's distinct sources with their uses ([`sources_of`]).
    fn sources(&self) -> std::rc::Rc<Vec<(Value, usize)>> {
        std::rc::Rc::clone(
            self.sources
                .get_or_init(|| std::rc::Rc::new(sources_of(self.draft))),
        )
    }

    fn set(&self, path: &[Step]) -> Callback<Value> {
        let path = path.to_vec();
        self.link
            .callback(move |value| Msg::Edit(path.clone(), value))
    }

    /// An event on a control (`T`: an input, a textarea, a select) that sets this field to
    /// what `read` makes of the control.
    fn edit_with<E: TargetCast + 'static, T: wasm_bindgen::JsCast + AsRef<web_sys::EventTarget>>(
        &self,
        path: &[Step],
        read: impl Fn(T) -> Value + 'static,
    ) -> Callback<E> {
        let set = self.set(path);
        Callback::from(move |e: E| set.emit(read(e.target_unchecked_into::<T>())))
    }
}

/// One error in both languages, each marked with its language.
pub fn error_item(e: &StoryError) -> Html {
    html! {
        <li class="field-error">
            <span lang="en">{ &e.message }</span>
            <span lang="zh-CN">{ &e.message_zh }</span>
        </li>
    }
}

fn with(path: &[Step], step: Step) -> Vec<Step> {
    let mut path = path.to_vec();
    path.push(step);
    path
}

/// The control for the value at `path` of shape `shape`, labelled `label`.
pub fn control(ctx: &Ctx<'_>, shape: &'static Shape, path: &[Step], label: &str) -> Html {
    let value = get(ctx.draft, path);
    match shape {
        Shape::Optional(inner) => optional(ctx, inner, path, label, value),
        Shape::Record(fields) => {
            let errors = ctx.errors_at(path);
            let source_pick = if fields.iter().map(|f| f.key).eq(["name", "date", "url"]) {
                source_picker(ctx, path)
            } else {
                html! {}
            };
            html! {
                <fieldset class="record" id={field_id(path)} tabindex="-1">
                    <legend>{ label }</legend>
                    { ctx.error_html(path, &errors) }
                    { source_pick }
                    { for fields.iter().map(|f| {
                        let here = with(path, Step::Key(f.key.to_owned()));
                        html! {
                            <>
                                { control(ctx, &f.shape, &here, f.key) }
                                { if f.key == "lon" { distance(ctx, path) } else { html! {} } }
                            </>
                        }
                    }) }
                </fieldset>
            }
        }
        Shape::List(inner) => list(ctx, inner, path, label, value),
        Shape::Text => {
            let errors = ctx.errors_at(path);
            let side = |code: &'static str, tag: &'static str, name: &'static str| {
                let here = with(path, Step::Key(code.to_owned()));
                let text = get(ctx.draft, &here)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned();
                let side_errors = ctx.errors_at(&here);
                html! {
                    <div class="side">
                        <label for={field_id(&here)}>{ name }</label>
                        { textarea(ctx, &here, &text, tag, !side_errors.is_empty() || !errors.is_empty()) }
                        { ctx.error_html(&here, &side_errors) }
                    </div>
                }
            };
            html! {
                <fieldset class="text" id={field_id(path)} tabindex="-1">
                    <legend>{ label }</legend>
                    <div class="sides">
                        { side("zh", "zh-CN", "中文") }
                        { side("en", "en", "English") }
                    </div>
                    { ctx.error_html(path, &errors) }
                </fieldset>
            }
        }
        Shape::Line(hint) => {
            let errors = ctx.value_errors(path);
            let text = value.map(shown_text).unwrap_or_default();
            let input = if *hint == Hint::Sentence {
                textarea(ctx, path, &text, "", !errors.is_empty())
            } else {
                line_input(ctx, path, &text, *hint, !errors.is_empty())
            };
            labelled(ctx, path, label, input, &errors)
        }
        Shape::Number => {
            let errors = ctx.value_errors(path);
            let text = value.map(shown_text).unwrap_or_default();
            let oninput: Callback<InputEvent> =
                ctx.edit_with(path, |input: web_sys::HtmlInputElement| {
                    // A number as typed (its digits kept); anything else stays text, which
                    // the reader then names.
                    let typed = input.value();
                    match typed.trim().parse::<serde_json::Number>() {
                        Ok(n) if typed.trim() == typed => Value::Number(n),
                        _ => Value::String(typed),
                    }
                });
            let input = html! {
                <input type="text" inputmode="decimal" id={field_id(path)} value={text}
                       aria-invalid={(!errors.is_empty()).then_some("true")}
                       aria-describedby={(!errors.is_empty()).then(|| format!("e:{}", field(path)))}
                       {oninput} />
            };
            labelled(ctx, path, label, input, &errors)
        }
        Shape::Flag => {
            let errors = ctx.errors_at(path);
            let checked = value.and_then(Value::as_bool).unwrap_or(false);
            let onchange: Callback<Event> = ctx
                .edit_with(path, |input: web_sys::HtmlInputElement| {
                    Value::Bool(input.checked())
                });
            html! {
                <div class="field flag">
                    <input type="checkbox" id={field_id(path)} {checked} {onchange} />
                    <label for={field_id(path)}>{ label }</label>
                    { ctx.error_html(path, &errors) }
                </div>
            }
        }
        Shape::Word(words) => {
            let options: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
            choice(ctx, path, label, value, options, false)
        }
        Shape::Ref(list) => {
            let ids = ids_of(ctx.draft, list);
            choice(ctx, path, label, value, ids, true)
        }
    }
}

/// A field's label, control and errors.
fn labelled(
    ctx: &Ctx<'_>,
    path: &[Step],
    label: &str,
    input: Html,
    errors: &[&StoryError],
) -> Html {
    html! {
        <div class="field">
            <label for={field_id(path)}>{ label }</label>
            { input }
            { ctx.error_html(path, errors) }
        </div>
    }
}

/// A value as its control shows it: a string's text, a number's digits as written.
fn shown_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn line_input(ctx: &Ctx<'_>, path: &[Step], text: &str, hint: Hint, invalid: bool) -> Html {
    let oninput: Callback<InputEvent> = ctx.edit_with(path, |input: web_sys::HtmlInputElement| {
        Value::String(input.value())
    });
    let placeholder = match hint {
        Hint::Date => "YYYY-MM-DD",
        Hint::Address => "https://",
        Hint::Decimal => "17.5万",
        Hint::Id | Hint::Sentence => "",
    };
    html! {
        <input type="text" id={field_id(path)} value={text.to_owned()} {placeholder}
               aria-invalid={invalid.then_some("true")}
               aria-describedby={invalid.then(|| format!("e:{}", field(path)))}
               {oninput} />
    }
}

fn textarea(ctx: &Ctx<'_>, path: &[Step], text: &str, lang: &'static str, invalid: bool) -> Html {
    let oninput: Callback<InputEvent> = ctx
        .edit_with(path, |area: web_sys::HtmlTextAreaElement| {
            Value::String(area.value())
        });
    let rows = (text.chars().count() / 48 + 1).clamp(1, 8).to_string();
    html! {
        <textarea id={field_id(path)} value={text.to_owned()} {rows}
                  lang={(!lang.is_empty()).then_some(lang)}
                  aria-invalid={invalid.then_some("true")}
                  aria-describedby={invalid.then(|| format!("e:{}", field(path)))}
                  {oninput} />
    }
}

/// A pick from a list of words or ids; a value not among them stays shown (the reader names it).
fn choice(
    ctx: &Ctx<'_>,
    path: &[Step],
    label: &str,
    value: Option<&Value>,
    mut options: Vec<String>,
    is_ref: bool,
) -> Html {
    let errors = ctx.errors_at(path);
    let current = value.and_then(Value::as_str).unwrap_or("").to_owned();
    if !options.contains(&current) {
        options.insert(0, current.clone());
    }
    let onchange: Callback<Event> = ctx.edit_with(path, |select: web_sys::HtmlSelectElement| {
        Value::String(select.value())
    });
    let empty = say(ctx.lang, "(none chosen)", "（未选择）");
    let input = html! {
        <select id={field_id(path)} {onchange} class={classes!(is_ref.then_some("ref"))}
                aria-invalid={(!errors.is_empty()).then_some("true")}
                aria-describedby={(!errors.is_empty()).then(|| format!("e:{}", field(path)))}>
            { for options.iter().map(|o| html! {
                <option value={o.clone()} selected={*o == current}>
                    { if o.is_empty() { empty.to_owned() } else { o.clone() } }
                </option>
            }) }
        </select>
    };
    labelled(ctx, path, label, input, &errors)
}

/// The ids of the story's list `list`, in its order.
pub fn ids_of(draft: &Value, list: &str) -> Vec<String> {
    draft
        .get(list)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.get("id").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// An optional value: the control and "remove" where it is given, "add" where it is not.
fn optional(
    ctx: &Ctx<'_>,
    inner: &'static Shape,
    path: &[Step],
    label: &str,
    value: Option<&Value>,
) -> Html {
    let given = value.is_some_and(|v| !v.is_null());
    let errors = if given {
        Vec::new()
    } else {
        ctx.errors_at(path)
    };
    if given {
        let remove = ctx.on_click(Msg::Edit(path.to_vec(), Value::Null));
        html! {
            <div class="optional">
                { control(ctx, inner, path, label) }
                <button type="button" class="small" onclick={remove}>
                    { format!("{} {label}", say(ctx.lang, "Remove", "删除")) }
                </button>
            </div>
        }
    } else {
        let path_owned = path.to_vec();
        let add = ctx.on_click_with(move || Msg::Edit(path_owned.clone(), inner.blank()));
        html! {
            <div class="optional absent" id={field_id(path)} tabindex="-1">
                <span class="key">{ label }</span>
                <button type="button" class="small" onclick={add}>
                    { format!("{} {label}", say(ctx.lang, "Add", "添加")) }
                </button>
                { ctx.error_html(path, &errors) }
            </div>
        }
    }
}

/// A list inside a record (memberships, bars, sources): each item with its own controls, moved
/// up or down or removed, and an "add" at the end.
fn list(
    ctx: &Ctx<'_>,
    inner: &'static Shape,
    path: &[Step],
    label: &str,
    value: Option<&Value>,
) -> Html {
    let errors = ctx.errors_at(path);
    let items = value.and_then(Value::as_array).map_or(0, Vec::len);
    let path_owned = path.to_vec();
    let add = ctx.on_click_with(move || Msg::Add(path_owned.clone(), inner.blank()));
    html! {
        <fieldset class="list" id={field_id(path)} tabindex="-1">
            <legend>{ label }</legend>
            { ctx.error_html(path, &errors) }
            { for (0..items).map(|i| {
                let here = with(path, Step::Index(i));
                html! {
                    <div class="item">
                        { control(ctx, inner, &here, &format!("{label} [{i}]")) }
                        { item_tools(ctx, &here, i, items) }
                    </div>
                }
            }) }
            <button type="button" class="small" onclick={add}>
                { format!("{} {label}", say(ctx.lang, "Add to", "添加到")) }
            </button>
        </fieldset>
    }
}

/// Move up, move down and remove, for item `i` of `n` at `path`.
pub fn item_tools(ctx: &Ctx<'_>, path: &[Step], i: usize, n: usize) -> Html {
    let name = field(path);
    let mover = |by: isize| ctx.on_click(Msg::Move(path.to_vec(), by));
    let remove = ctx.on_click(Msg::Remove(path.to_vec()));
    let lang = ctx.lang;
    html! {
        <div class="item-tools" role="group" aria-label={name.clone()}>
            <button type="button" class="small" disabled={i == 0} onclick={mover(-1)}
                    aria-label={format!("{} {name}", say(lang, "Move up", "上移"))}>{ say(lang, "Up", "上移") }</button>
            <button type="button" class="small" disabled={i + 1 >= n} onclick={mover(1)}
                    aria-label={format!("{} {name}", say(lang, "Move down", "下移"))}>{ say(lang, "Down", "下移") }</button>
            <button type="button" class="small danger" onclick={remove}
                    aria-label={format!("{} {name}", say(lang, "Remove", "删除"))}>{ say(lang, "Remove", "删除") }</button>
        </div>
    }
}

/// Every distinct source of the draft (each claim's `source`, each chart's `sources`), with how
/// many times it is used, in the file's order: so a claim can take one already written, and
/// the part "Sources" edits each once.
pub fn sources_of(draft: &Value) -> Vec<(Value, usize)> {
    fn note(source: &Value, found: &mut Vec<(Value, usize)>) {
        if !source.is_object() {
            return;
        }
        match found.iter_mut().find(|(s, _)| s == source) {
            Some((_, uses)) => *uses += 1,
            None => found.push((source.clone(), 1)),
        }
    }
    fn walk(value: &Value, found: &mut Vec<(Value, usize)>) {
        match value {
            Value::Object(map) => {
                for (key, item) in map {
                    match (key.as_str(), item) {
                        ("source", _) => note(item, found),
                        ("sources", Value::Array(items)) => {
                            items.iter().for_each(|s| note(s, found));
                        }
                        _ => walk(item, found),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(draft, &mut found);
    found
}

fn source_label(source: &Value, lang: Lang) -> String {
    let name = source
        .get("name")
        .and_then(|n| n.get(lang.code()))
        .and_then(Value::as_str)
        .unwrap_or("?");
    let date = source.get("date").and_then(Value::as_str).unwrap_or("?");
    format!("{name}, {date}")
}

/// "Use a source already in the story": fills this source with a copy of the one picked.
fn source_picker(ctx: &Ctx<'_>, path: &[Step]) -> Html {
    let sources = ctx.sources();
    let id = format!("pick:{}", field(path));
    let set = ctx.set(path);
    let choices = std::rc::Rc::clone(&sources);
    let onchange = Callback::from(move |e: Event| {
        let picked = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        if let Some((source, _)) = picked.parse::<usize>().ok().and_then(|i| choices.get(i)) {
            set.emit(source.clone());
        }
    });
    html! {
        <div class="field source-pick">
            <label for={id.clone()}>{ say(ctx.lang, "Use a source already in the story", "使用故事中已有的来源") }</label>
            <select id={id} {onchange}>
                <option value="" selected=true>{ "—" }</option>
                { for sources.iter().enumerate().map(|(i, (s, _))| html! {
                    <option value={i.to_string()}>{ source_label(s, ctx.lang) }</option>
                }) }
            </select>
        </div>
    }
}

/// A place's distance and direction from the story's centre, as its coordinates are typed.
fn distance(ctx: &Ctx<'_>, record: &[Step]) -> Html {
    let number = |v: Option<&Value>| -> Option<f64> {
        match v? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    };
    let at = |path: &[Step], key: &str| number(get(ctx.draft, &with(path, Step::Key(key.into()))));
    let centre = [Step::Key("centre".into())];
    if record == centre {
        return html! {};
    }
    let line = (|| {
        let (lat, lon) = (at(record, "lat")?, at(record, "lon")?);
        let (c_lat, c_lon) = (at(&centre, "lat")?, at(&centre, "lon")?);
        if !(lat.is_finite() && lon.is_finite() && c_lat.is_finite() && c_lon.is_finite()) {
            return None;
        }
        let (km, compass) = graphic::geo::distance_and_direction((c_lat, c_lon), lat, lon);
        let centre_name = ctx
            .draft
            .get("centre")
            .and_then(|c| c.get("name"))
            .and_then(|n| n.get(ctx.lang.code()))
            .and_then(Value::as_str)
            .unwrap_or("");
        Some(crate::words::distance_line(
            km,
            graphic::words::compass_word(compass, ctx.lang),
            centre_name,
            ctx.lang,
        ))
    })();
    html! {
        <p class="distance" aria-live="polite" id={format!("d:{}", field(record))}>
            { line.unwrap_or_default() }
        </p>
    }
}

/// Every copy of `old` among the draft's sources (each claim's `source`, each chart's
/// `sources`) replaced by `new`: a source edited once is edited wherever it is used.
pub fn replace_source(draft: &mut Value, old: &Value, new: &Value) -> usize {
    let mut replaced = 0;
    match draft {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                if key == "source" && item == old {
                    *item = new.clone();
                    replaced += 1;
                } else if key == "sources"
                    && let Value::Array(items) = item
                {
                    for s in items.iter_mut().filter(|s| *s == old) {
                        *s = new.clone();
                        replaced += 1;
                    }
                } else {
                    replaced += replace_source(item, old, new);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                replaced += replace_source(item, old, new);
            }
        }
        _ => {}
    }
    replaced
}

/// The part "Sources": every distinct source of the story, each edited once for every claim
/// that uses it.
pub fn sources_view(ctx: &Ctx<'_>) -> Html {
    let lang = ctx.lang;
    let sources = ctx.sources();
    if sources.is_empty() {
        return html! { <p>{ say(lang, "No sources yet.", "尚无来源。") }</p> };
    }
    html! {
        <>
            <p class="hint">{ say(lang,
                "Each source once: a change here changes every claim and chart that uses it.",
                "每个来源只列一次：在此修改，所有引用它的内容和图表都会随之修改。") }</p>
            { for sources.iter().enumerate().map(|(i, (source, uses))| {
                let field = |keys: &[&str], label: &str| {
                    let id = format!("src:{i}.{}", keys.join("."));
                    let text = keys
                        .iter()
                        .try_fold(source, |v, k| v.get(*k))
                        .map(shown_text)
                        .unwrap_or_default();
                    let (old, keys_owned) = (source.clone(), keys.iter().map(|k| (*k).to_owned()).collect::<Vec<_>>());
                    let undo_path: Vec<Step> = std::iter::once(Step::Key("(sources)".into()))
                        .chain(std::iter::once(Step::Index(i)))
                        .chain(keys_owned.iter().cloned().map(Step::Key))
                        .collect();
                    let oninput = ctx.link.callback(move |e: InputEvent| {
                        let typed = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                        let mut new = old.clone();
                        let steps: Vec<Step> = keys_owned.iter().cloned().map(Step::Key).collect();
                        if let Some(slot) = crate::canonical::get_mut(&mut new, &steps) {
                            // An emptied address is no address.
                            *slot = if typed.is_empty() && keys_owned.len() == 1 && keys_owned[0] == "url" {
                                Value::Null
                            } else {
                                Value::String(typed)
                            };
                        }
                        Msg::Source(undo_path.clone(), old.clone(), new)
                    });
                    html! {
                        <div class="field">
                            <label for={id.clone()}>{ label.to_owned() }</label>
                            <input type="text" id={id} value={text} {oninput} />
                        </div>
                    }
                };
                html! {
                    <fieldset class="record">
                        <legend>{ format!("{} · {}", source_label(source, lang), match lang {
                            Lang::En => format!("used {uses}×"),
                            Lang::Zh => format!("引用{uses}次"),
                        }) }</legend>
                        <div class="sides">
                            { field(&["name", "zh"], "name.zh") }
                            { field(&["name", "en"], "name.en") }
                        </div>
                        { field(&["date"], "date") }
                        { field(&["url"], "url") }
                    </fieldset>
                }
            }) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::stories::SHIPPED;

    #[test]
    fn a_source_edited_once_changes_every_copy_and_nothing_else() {
        let draft: Value = serde_json::from_str(SHIPPED).expect("JSON");
        let sources = sources_of(&draft);
        let copies: usize = sources.iter().map(|(_, uses)| uses).sum();
        assert_eq!(
            copies,
            SHIPPED.matches("\"source\": {").count() + {
                let charts = draft["charts"].as_array().expect("charts");
                charts
                    .iter()
                    .map(|c| c["sources"].as_array().map_or(0, Vec::len))
                    .sum::<usize>()
            }
        );
        let (old, uses) = sources
            .iter()
            .find(|(_, uses)| *uses > 2)
            .cloned()
            .expect("a source used more than twice");
        let mut new = old.clone();
        new["name"]["en"] = Value::String("Renamed outlet".into());
        let mut edited = draft.clone();
        assert_eq!(replace_source(&mut edited, &old, &new), uses);
        let saved = crate::canonical::canonical(&edited);
        let changed = SHIPPED
            .lines()
            .zip(saved.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(changed, uses);
        assert!(crate::checking::check(&edited, &saved).errors.is_empty());
    }
}
