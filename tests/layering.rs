//! Layering, checked by reading the sources: the story, numbers, geometry, diagram layout and
//! charts never reach the UI (`components`, `hooks`) or the browser (`edge`), so they stay pure
//! and testable natively; the story crate never reaches back into the app; and the top-level
//! modules of `src/` import each other without a cycle.
//!
//! Rust has no layering rules of its own, and these imports would compile; hence a test. It
//! parses each file with `syn` and reads its `use` trees and paths (`crate::`, `super::`,
//! `self::`, `capital_circles::`), in code and inside macro bodies such as `html!`; comments and
//! string literals are never paths, so docs may name any module.
#![cfg(not(target_arch = "wasm32"))]

use proc_macro2::{TokenStream, TokenTree};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use syn::visit::{self, Visit};

/// Modules below the UI: what they may not import.
const FORBIDDEN: [&str; 3] = ["components", "hooks", "edge"];

/// The pure layers, as paths under the crate's root.
const PURE: [&str; 5] = [
    "src/story",
    "src/numbers",
    "src/geo.rs",
    "src/diagram",
    "src/charts",
];

/// The story's own crate: the app depends on it, so it may not name the app at all.
const STORY_CRATE: &str = "crates/story/src";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `.rs` file at or under `path`, sorted so failures read the same on every run.
fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_owned()];
    }
    let mut files = Vec::new();
    let entries = fs::read_dir(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

// ---------------------------------------------------------------------------------------------
// Paths: every `use` tree flattened, and every path in code that starts at a crate root.

/// A path as written, resolved against the module it appears in.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Mention {
    line: usize,
    /// Where it points inside this crate (`crate::a::b` → `["a", "b"]`; `[]` is the crate root
    /// itself; a glob ends in `"*"`), or `None` for other crates and relative paths.
    in_crate: Option<Vec<String>>,
    /// The path as written, `::`-joined, for messages.
    written: String,
}

/// Resolves `path` written in module `module` to a path inside this crate, if it is one.
/// `crate_name` is how other crates name this one (`capital_circles`).
fn resolve(path: &[String], module: &[String], crate_name: &str) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let (mut base, mut rest) = match first.as_str() {
        "crate" => (Vec::new(), rest),
        "::" => match rest.split_first() {
            Some((name, rest)) if name == crate_name => (Vec::new(), rest),
            _ => return None,
        },
        name if name == crate_name => (Vec::new(), rest),
        "self" | "super" => (module.to_vec(), path),
        _ => return None,
    };
    while let Some((first, tail)) = rest.split_first() {
        match first.as_str() {
            "self" => {}
            // `super` above the root does not compile; the root is as far as it goes.
            "super" => {
                base.pop();
            }
            _ => break,
        }
        rest = tail;
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

fn mention(path: &[String], line: usize, module: &[String], crate_name: &str) -> Mention {
    Mention {
        line,
        in_crate: resolve(path, module, crate_name),
        written: path.join("::"),
    }
}

/// Whether a path starts at a crate root, so that it can name something in this crate.
fn is_rooted(path: &[String], crate_name: &str) -> bool {
    path.len() > 1
        && path.first().is_some_and(|f| {
            matches!(f.as_str(), "crate" | "super" | "self" | "::") || f == crate_name
        })
}

/// Collects the mentions of one file while `syn` walks it, in the module it is in.
struct Collector<'a> {
    module: Vec<String>,
    crate_name: &'a str,
    found: Vec<Mention>,
}

impl Collector<'_> {
    fn push(&mut self, path: &[String], line: usize) {
        self.found
            .push(mention(path, line, &self.module, self.crate_name));
    }

    /// Macro bodies (`html!`, `format!`) are tokens, not syntax: their paths are the runs
    /// `name :: name …` in the tokens, read group by group.
    fn scan_tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let is_colon =
            |i: usize| matches!(trees.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ':');
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Group(group) => {
                    self.scan_tokens(group.stream());
                    i += 1;
                }
                TokenTree::Ident(first) => {
                    let line = first.span().start().line;
                    let mut path = vec![first.to_string()];
                    let mut j = i + 1;
                    while is_colon(j) && is_colon(j + 1) {
                        match trees.get(j + 2) {
                            Some(TokenTree::Ident(next)) => path.push(next.to_string()),
                            _ => break,
                        }
                        j += 3;
                    }
                    if is_rooted(&path, self.crate_name) {
                        self.push(&path, line);
                    }
                    i = j;
                }
                _ => i += 1,
            }
        }
    }
}

/// Flattens a use tree onto `prefix`: `a::{b, c::*}` → `a::b`, `a::c::*`.
fn flatten(tree: &syn::UseTree, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let with = |name: &syn::Ident| {
        let mut path = prefix.to_vec();
        // `self` in a group names the group's own path: `edge::{self, x}`.
        if name != "self" || path.is_empty() {
            path.push(name.to_string());
        }
        path
    };
    match tree {
        syn::UseTree::Path(p) => flatten(&p.tree, &with(&p.ident), out),
        syn::UseTree::Name(n) => out.push(with(&n.ident)),
        syn::UseTree::Rename(r) => out.push(with(&r.ident)),
        syn::UseTree::Glob(_) => {
            let mut path = prefix.to_vec();
            path.push("*".to_owned());
            out.push(path);
        }
        syn::UseTree::Group(g) => g.items.iter().for_each(|item| flatten(item, prefix, out)),
    }
}

impl<'ast> Visit<'ast> for Collector<'_> {
    // Inline modules (`mod tests { … }`) change what `super` and `self` mean inside them.
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if item.content.is_some() {
            self.module.push(item.ident.to_string());
            visit::visit_item_mod(self, item);
            self.module.pop();
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let prefix: Vec<String> = item
            .leading_colon
            .map(|_| "::".to_owned())
            .into_iter()
            .collect();
        let mut paths = Vec::new();
        flatten(&item.tree, &prefix, &mut paths);
        let line = item.use_token.span.start().line;
        for path in paths {
            self.push(&path, line);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let mut names: Vec<String> = path
            .leading_colon
            .map(|_| "::".to_owned())
            .into_iter()
            .collect();
        names.extend(path.segments.iter().map(|s| s.ident.to_string()));
        if is_rooted(&names, self.crate_name) {
            let line = path
                .segments
                .first()
                .map_or(0, |s| s.ident.span().start().line);
            self.push(&names, line);
        }
        visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.scan_tokens(mac.tokens.clone());
        visit::visit_macro(self, mac);
    }
}

fn parse(source: &str) -> syn::File {
    syn::parse_file(source).unwrap_or_else(|e| panic!("does not parse: {e}"))
}

/// Every path in `source` (a file of module `module`) that names something in this crate,
/// plus every other `use`, with where it is.
fn mentions(source: &str, module: &[String], crate_name: &str) -> Vec<Mention> {
    let mut collector = Collector {
        module: module.to_vec(),
        crate_name,
        found: Vec::new(),
    };
    collector.visit_file(&parse(source));
    collector.found
}

/// The module a file of the crate rooted at `src` defines: `geo.rs` → `[geo]`, `diagram/mod.rs`
/// → `[diagram]`, `diagram/labels.rs` → `[diagram, labels]`, `lib.rs` → `[]`.
fn module_of(file: &Path, src: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file);
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Why a mention in a pure module breaks the layering, if it does.
fn breaks_layering(mention: &Mention) -> Option<String> {
    let path = mention.in_crate.as_ref()?;
    let problem = match path.first().map(String::as_str) {
        Some(top) if FORBIDDEN.contains(&top) => format!("imports `{top}`"),
        // `use crate::*` or `use super::*` from a top-level module brings every module in
        // by name, and `use crate as c` lets `c::edge` through: both hide the real import.
        Some("*") => "imports everything from the crate root".to_owned(),
        None => "names the crate root itself".to_owned(),
        Some(_) => return None,
    };
    Some(format!(
        "line {}: `{}` {problem}",
        mention.line, mention.written
    ))
}

/// Layering problems in one pure file (`file` only names it in messages).
fn layering_problems(file: &Path, source: &str, src: &Path) -> Vec<String> {
    mentions(source, &module_of(file, src), "capital_circles")
        .iter()
        .filter_map(breaks_layering)
        .map(|problem| format!("{}: {problem}", file.display()))
        .collect()
}

#[test]
fn pure_layers_never_reach_the_ui_or_the_browser() {
    let root = root();
    let src = root.join("src");
    let mut problems = Vec::new();
    let mut checked = 0;
    for layer in PURE {
        let files = rust_files(&root.join(layer));
        assert!(!files.is_empty(), "{layer}: no Rust files; update PURE");
        for file in files {
            problems.extend(layering_problems(&file, &read(&file), &src));
            checked += 1;
        }
    }
    assert!(checked >= PURE.len());
    assert!(
        problems.is_empty(),
        "pure layers import UI or browser modules:\n{}",
        problems.join("\n")
    );
}

/// Every identifier in `tokens`, with its line (comments are not tokens; literals are whole).
fn idents(tokens: TokenStream) -> Vec<(String, usize)> {
    tokens
        .into_iter()
        .flat_map(|tree| match tree {
            TokenTree::Ident(ident) => vec![(ident.to_string(), ident.span().start().line)],
            TokenTree::Group(group) => idents(group.stream()),
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn the_story_crate_never_names_the_app() {
    let mut problems = Vec::new();
    for file in rust_files(&root().join(STORY_CRATE)) {
        let source = read(&file);
        let tokens: TokenStream = source
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (name, line) in idents(tokens) {
            if name == "capital_circles" {
                problems.push(format!(
                    "{}:{line}: names `capital_circles`",
                    file.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// The import graph between top-level modules.

/// Edges `from → to` between top-level modules, each with where it comes from.
type Graph = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// The top-level modules `lib.rs` declares (`mod name;`), whether `pub` or `#[cfg(test)]`.
fn top_level_modules(lib: &str) -> BTreeSet<String> {
    parse(lib)
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Mod(m) if m.content.is_none() => Some(m.ident.to_string()),
            _ => None,
        })
        .collect()
}

/// Submodules that are nodes of their own in the graph, not part of their top-level module,
/// and why. Keep this short: each entry is a cycle between top-level modules that is not one
/// between the files, and moving the submodule to the top level would remove the entry.
const OWN_NODES: [(&str, &str); 0] = [];

/// The graph node of a path inside the crate: a listed submodule, or its top-level module.
fn node_of(path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    for (node, _) in OWN_NODES {
        let parts: Vec<&str> = node.split("::").collect();
        if path.len() >= parts.len() && path.iter().zip(&parts).all(|(a, b)| a == b) {
            return Some(node.to_owned());
        }
    }
    let top = path.first()?;
    modules.contains(top).then(|| top.clone())
}

fn import_graph(src: &Path) -> Graph {
    let modules = top_level_modules(&read(&src.join("lib.rs")));
    let mut graph = Graph::new();
    for module in &modules {
        let files = [src.join(format!("{module}.rs")), src.join(module)]
            .iter()
            .filter(|p| p.exists())
            .flat_map(|p| rust_files(p))
            .collect::<Vec<_>>();
        assert!(!files.is_empty(), "no source for module `{module}`");
        for file in files {
            let here = module_of(&file, src);
            let Some(from) = node_of(&here, &modules) else {
                continue;
            };
            let edges = graph.entry(from.clone()).or_default();
            for mention in mentions(&read(&file), &here, "capital_circles") {
                if let Some(to) = mention
                    .in_crate
                    .as_deref()
                    .and_then(|p| node_of(p, &modules))
                    && to != from
                {
                    let at = format!("{}:{}", file.display(), mention.line);
                    edges.entry(to).or_default().push(at);
                }
            }
        }
    }
    graph
}

/// A cycle in `graph` as the modules along it (first repeated at the end), if there is one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit<'a>(
        node: &'a str,
        graph: &'a Graph,
        done: &mut BTreeSet<&'a str>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = stack[at..].iter().map(|n| (*n).to_owned()).collect();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        stack.push(node);
        for next in graph.get(node).into_iter().flat_map(BTreeMap::keys) {
            if let Some(cycle) = visit(next, graph, done, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

#[test]
fn top_level_modules_import_each_other_without_cycles() {
    let src = root().join("src");
    let graph = import_graph(&src);
    for module in [
        "story",
        "numbers",
        "geo",
        "diagram",
        "charts",
        "edge",
        "components",
    ] {
        assert!(graph.contains_key(module), "lib.rs declares no `{module}`");
    }
    let imports = |from: &str, to: &str| graph.get(from).is_some_and(|e| e.contains_key(to));
    assert!(
        !(imports("numbers", "story") && imports("story", "numbers")),
        "`numbers` and `story` import each other"
    );
    if let Some(cycle) = find_cycle(&graph) {
        let evidence: Vec<String> = cycle
            .windows(2)
            .map(|pair| {
                let at = graph
                    .get(&pair[0])
                    .and_then(|e| e.get(&pair[1]))
                    .map(|at| at.join(", "))
                    .unwrap_or_default();
                format!("{} -> {}: {at}", pair[0], pair[1])
            })
            .collect();
        panic!(
            "import cycle {}:\n{}",
            cycle.join(" -> "),
            evidence.join("\n")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The checks above must fail when they should: fed the real files with a bad import added.

fn problems_with(relative: &str, added: &str) -> Vec<String> {
    let root = root();
    let file = root.join(relative);
    let source = format!("{}\n{added}\n", read(&file));
    layering_problems(&file, &source, &root.join("src"))
}

#[test]
fn a_bad_import_in_a_pure_layer_is_caught() {
    for (file, added) in [
        ("src/geo.rs", "use crate::edge;"),
        (
            "src/geo.rs",
            "use crate::{state::ViewState, edge::focus_within};",
        ),
        ("src/geo.rs", "use crate::{\n    hooks::{self},\n};"),
        ("src/geo.rs", "pub use super::components::App as A;"),
        ("src/geo.rs", "fn f() { crate :: edge :: mark_ready(); }"),
        (
            "src/geo.rs",
            "fn f() { let _ = capital_circles::components::date_text; }",
        ),
        ("src/geo.rs", "use ::capital_circles::hooks::use_url_sync;"),
        ("src/geo.rs", "use crate::*;"),
        ("src/geo.rs", "use super::*;"),
        ("src/geo.rs", "use crate as c;"),
        ("src/geo.rs", "mod inner { use super::super::edge; }"),
        ("src/diagram/labels.rs", "use super::super::components;"),
        ("src/diagram/mod.rs", "use super::hooks::use_embed_height;"),
        (
            "src/story/mod.rs",
            "pub fn f() -> Option<crate::edge::EmbedGuard> { None }",
        ),
        ("src/charts/mod.rs", "use self::super::edge;"),
    ] {
        assert!(
            !problems_with(file, added).is_empty(),
            "not caught in {file}: {added}"
        );
    }
}

#[test]
fn comments_strings_and_inner_modules_are_not_imports() {
    for (file, added) in [
        (
            "src/geo.rs",
            "// use crate::edge;\n/* crate::components /* nested */ crate::hooks */",
        ),
        (
            "src/geo.rs",
            "/// Never calls [`crate::edge`].\nconst _: &str = \"crate::edge\";",
        ),
        (
            "src/geo.rs",
            "const _: &str = r#\"use crate::edge; \"# ;\nconst _: char = '\"';",
        ),
        ("src/geo.rs", "fn f<'a>(x: &'a str) -> &'a str { x }"),
        ("src/geo.rs", "mod inner { use super::*; }"),
        ("src/diagram/labels.rs", "use super::DiagramLayout;"),
        ("src/geo.rs", "use crate::story::{self, Lang};"),
    ] {
        let problems = problems_with(file, added);
        assert!(problems.is_empty(), "{file}: {added}\n{problems:?}");
    }
}

#[test]
fn cycles_are_found_and_named() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g = Graph::new();
        for (from, to) in edges {
            g.entry((*from).to_owned())
                .or_default()
                .insert((*to).to_owned(), Vec::new());
            g.entry((*to).to_owned()).or_default();
        }
        g
    };
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])),
        None
    );
    assert_eq!(
        find_cycle(&graph(&[("numbers", "story"), ("story", "numbers")])),
        Some(vec![
            "numbers".to_owned(),
            "story".to_owned(),
            "numbers".to_owned()
        ])
    );
    let cycle = find_cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "d"), ("d", "b")]));
    assert_eq!(cycle.map(|c| c.join(" ")), Some("b c d b".to_owned()));
}

#[test]
fn the_graph_is_read_from_real_imports() {
    let graph = import_graph(&root().join("src"));
    // Edges that exist today, so an empty or broken reader cannot pass the cycle check.
    for (from, to) in [
        ("diagram", "geo"),
        ("charts", "numbers"),
        ("components", "edge"),
    ] {
        assert!(
            graph.get(from).is_some_and(|e| e.contains_key(to)),
            "{from} -> {to} not found"
        );
    }
}
