//! Everything the editor asks of the browser: its storage for drafts, reading a file, fetching
//! the shipped story, a download, focus, and marks for the benchmarks.

use crate::checking::Refused;
use wasm_bindgen::JsCast;

/// The storage keys of the draft and its file name.
const DRAFT_KEY: &str = "capital-circles:editor:draft";
const NAME_KEY: &str = "capital-circles:editor:name";

fn storage() -> Result<web_sys::Storage, Refused> {
    let disabled = || {
        Refused {
        en: "Drafts cannot be kept: this browser's storage is disabled. Editing goes on; download the story to keep it.".into(),
        zh: "无法保存草稿：此浏览器的存储已停用。可以继续编辑；请下载故事文件以保存。".into(),
    }
    };
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(disabled)
}

/// Keeps the draft in the browser's storage.
pub fn keep_draft(name: &str, text: &str) -> Result<(), Refused> {
    let storage = storage()?;
    storage
        .set_item(DRAFT_KEY, text)
        .and_then(|()| storage.set_item(NAME_KEY, name))
        .map_err(|_| Refused {
            en: "Drafts cannot be kept: this browser's storage is full. Editing goes on; download the story to keep it.".into(),
            zh: "无法保存草稿：此浏览器的存储空间已满。可以继续编辑；请下载故事文件以保存。".into(),
        })
}

/// The draft kept by an earlier visit, with its file name.
pub fn kept_draft() -> Option<(String, String)> {
    let storage = storage().ok()?;
    let text = storage.get_item(DRAFT_KEY).ok()??;
    let name = storage
        .get_item(NAME_KEY)
        .ok()
        .flatten()
        .unwrap_or_else(|| "story.json".into());
    Some((name, text))
}

/// The text of a promise that resolves to a string (File.text(), Response.text()).
async fn text_of(promise: js_sys::Promise) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()
}

/// The text of a file the reader picked or dropped, unless it is too large to open.
pub async fn read_file(file: web_sys::File) -> Result<String, Refused> {
    if file.size() > crate::checking::MAX_OPEN_BYTES {
        return Err(crate::checking::too_large(file.size()));
    }
    text_of(file.text()).await.ok_or_else(|| Refused {
        en: "This file cannot be read as text.".into(),
        zh: "无法以文本方式读取此文件。".into(),
    })
}

/// The story this build tells, as its file (`story.json` beside the editor).
pub async fn shipped_story() -> Result<String, Refused> {
    let failed = || Refused {
        en: "The shipped story (story.json beside the editor) could not be loaded.".into(),
        zh: "无法载入随附的故事文件（编辑器旁的story.json）。".into(),
    };
    let window = web_sys::window().ok_or_else(failed)?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str("story.json"))
        .await
        .map_err(|_| failed())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed())?;
    if !response.ok() {
        return Err(failed());
    }
    text_of(response.text().map_err(|_| failed())?)
        .await
        .ok_or_else(failed)
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()
}

/// Moves focus to the field with the form id `id`, or to the nearest field that holds it.
pub fn focus_field(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mut id = id.to_owned();
    loop {
        if let Some(el) = document.get_element_by_id(&id)
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = el.focus();
            return;
        }
        match id.rfind(['.', '[']) {
            Some(cut) => id.truncate(cut),
            None => return,
        }
    }
}

/// The interface's language and the preview's theme on `<html>`.
pub fn set_page(lang: story::Lang, dark: Option<bool>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("lang", lang.html_tag());
    let classes = root.class_list();
    let _ = classes.remove_2("theme-dark", "theme-light");
    match dark {
        Some(true) => {
            let _ = classes.add_1("theme-dark");
        }
        Some(false) => {
            let _ = classes.add_1("theme-light");
        }
        None => {}
    }
}

/// Marks on `<html>` for tests and the benchmarks: `data-checked` counts checked drafts,
/// `data-preview` counts preview updates. Neither is set before the first.
pub fn mark(name: &str, count: u32) {
    if count == 0 {
        return;
    }
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(name, &count.to_string());
    }
}

/// An SVG document as an image address, for an `<img>` (the strict CSP allows `data:` images
/// and no inline style).
pub fn svg_data_url(svg: &str) -> String {
    format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    )
}
