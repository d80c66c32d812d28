//! The form's picture of the story file, made from the model itself.
//!
//! Every record of the model lists its fields once, in `record!` below, which writes two
//! things from that one list: a pattern that names every field of the Rust type (so a field
//! added to the model is a compile error here until the form shows it), and the form's fields
//! in the model's order, each with the shape its Rust type gives (`Option<T>` optional, a
//! `List<T>` a list, a `Ref<Place>` a pick from `places`). Word lists are written as a `match`
//! on the enum, exhaustive for the same reason. The canonical save (`canonical`) takes its key
//! order from here too.

use std::borrow::Cow;
use story::evidence::{Kind, Original, Speech};
use story::*;

/// What one value of the file is, as the form edits it.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A JSON object with these fields, in the model's order.
    Record(Vec<Field>),
    /// A JSON array of one shape.
    List(Box<Shape>),
    /// `{"zh": …, "en": …}`: the two languages side by side.
    Text,
    /// A JSON string.
    Line(Hint),
    /// A JSON number, kept as written.
    Number,
    /// `true` or `false`.
    Flag,
    /// One of a fixed list of words.
    Word(&'static [&'static str]),
    /// The id of a record of the story's list of that name (`places`, `eras`…).
    Ref(&'static str),
    /// May be left out (or `null`).
    Optional(Box<Shape>),
}

/// What a string holds, for its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    Id,
    Date,
    Address,
    /// A value in the source's digits: `17.5万`.
    Decimal,
    /// A source's sentence: a long text.
    Sentence,
}

/// One field of a record: its key in the file and its shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub key: &'static str,
    pub shape: Shape,
}

/// A type of the model, as the form shows it.
pub trait Form {
    fn shape() -> Shape;
}

/// The shape of a record's field, from the field's type: `of(|p: &Place| &p.lat)`.
fn of<S, T: Form>(_field: fn(&S) -> &T) -> Shape {
    T::shape()
}

impl Shape {
    /// A new value of this shape, for "add": every field a record needs, empty, so the checker
    /// names what is still to be written. An optional field is left out.
    pub fn blank(&self) -> serde_json::Value {
        use serde_json::{Map, Value};
        match self {
            Shape::Record(fields) => Value::Object(
                fields
                    .iter()
                    .filter(|f| !matches!(f.shape, Shape::Optional(_)))
                    .map(|f| (f.key.to_owned(), f.shape.blank()))
                    .collect::<Map<String, Value>>(),
            ),
            Shape::List(_) => Value::Array(Vec::new()),
            Shape::Text => serde_json::json!({ "zh": "", "en": "" }),
            Shape::Line(_) | Shape::Ref(_) => Value::String(String::new()),
            Shape::Number => Value::String(String::new()),
            Shape::Flag => Value::Bool(false),
            Shape::Word(words) => Value::String(words.first().copied().unwrap_or("").to_owned()),
            Shape::Optional(inner) => inner.blank(),
        }
    }

    /// The shape of the value at `path` (keys and indices) under this one.
    pub fn at(&self, path: &[Step]) -> Option<&Shape> {
        let Some((first, rest)) = path.split_first() else {
            return Some(self);
        };
        match (self, first) {
            (Shape::Optional(inner), _) => inner.at(path),
            (Shape::Record(fields), Step::Key(key)) => {
                fields.iter().find(|f| f.key == key)?.shape.at(rest)
            }
            (Shape::List(inner), Step::Index(_)) => inner.at(rest),
            (Shape::Text, Step::Key(key)) if rest.is_empty() && (key == "zh" || key == "en") => {
                Some(&Shape::Line(Hint::Sentence))
            }
            _ => None,
        }
    }
}

/// One step of a path into the file: a record's key or a list's index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl<T: Form> Form for Option<T> {
    fn shape() -> Shape {
        Shape::Optional(Box::new(T::shape()))
    }
}

/// Evidence is build-only in the page, but every claim of a file needs it: not optional here.
impl<T: Form> Form for BuildOnly<T> {
    fn shape() -> Shape {
        T::shape()
    }
}

impl<T: Form + Clone> Form for Cow<'static, [T]> {
    fn shape() -> Shape {
        Shape::List(Box::new(T::shape()))
    }
}

impl<T: Record> Form for Ref<T> {
    fn shape() -> Shape {
        Shape::Ref(T::LIST.0)
    }
}

/// The three circles are a list in the file, innermost first.
impl Form for Circles {
    fn shape() -> Shape {
        Shape::List(Box::new(Circle::shape()))
    }
}

macro_rules! leaf {
    ($($ty:ty => $shape:expr;)+) => {
        $(impl Form for $ty {
            fn shape() -> Shape {
                $shape
            }
        })+
    };
}

leaf! {
    Id => Shape::Line(Hint::Id);
    IsoDate => Shape::Line(Hint::Date);
    HttpsUrl => Shape::Line(Hint::Address);
    ReadAt => Shape::Line(Hint::Address);
    Decimal => Shape::Line(Hint::Decimal);
    Str => Shape::Line(Hint::Sentence);
    Latitude => Shape::Number;
    Longitude => Shape::Number;
    RadiusKm => Shape::Number;
    ZhScale => Shape::Number;
    EnScale => Shape::Number;
    u8 => Shape::Number;
    u16 => Shape::Number;
    bool => Shape::Flag;
    Text => Shape::Text;
    Verbatim => Shape::Text;
}

/// A record: its fields, each named once. The closure's pattern lists every field of the type
/// and has no `..`, so a field added to the model fails to compile here until it is listed.
macro_rules! record {
    ($($ty:ident { $($field:ident),+ $(,)? })+) => {
        $(impl Form for $ty {
            fn shape() -> Shape {
                let _every_field_is_in_the_form = |v: &$ty| {
                    let $ty { $($field: _),+ } = v;
                };
                Shape::Record(vec![$(Field {
                    key: stringify!($field),
                    shape: of(|v: &$ty| &v.$field),
                }),+])
            }
        })+
    };
}

/// A word list: an exhaustive `match`, so a word added to the model fails to compile here.
macro_rules! words {
    ($($ty:ident { $($variant:ident => $word:literal),+ $(,)? })+) => {
        $(impl Form for $ty {
            fn shape() -> Shape {
                let _every_word_is_in_the_form = |v: $ty| match v {
                    $($ty::$variant => $word),+
                };
                Shape::Word(&[$($word),+])
            }
        })+
    };
}

record! {
    Story { id, published, updated, centre, circles, places, figures, charts, eras, zones, speakers, ui }
    Era { id, date, name, summary, said, source, evidence }
    Zone { id, name, short_name, circle, places, summary, said, source, evidence }
    Speaker { id, name, role }
    Said { speaker, occasion, date }
    Centre { name, lat, lon }
    Circle { id, name, radius_km, plan_name, definition, members_partial }
    Definition { summary, era, said, source, evidence, quote, plan }
    Paraphrase { text, era, said, source, evidence }
    Quote { words, original, era, said, source, evidence }
    Membership { circle, status, era, extent, part, basis, source, evidence }
    Place { id, name, lat, lon, in_beijing, part_of, role, memberships, orientation, priority }
    Source { name, date, url }
    Figure {
        id, section, value, unit, qualifier, label, window, era, zone, said, source, evidence,
        difference, caveat,
    }
    Window { from, to, as_of }
    ScalePair { zh, en }
    Chart { id, section, kind, title, unit, scale, unit_label, bars, sources, note }
    Bar { label, value, qualifier, source, evidence, difference }
    Difference { of, minus }
    Evidence { kind, lang, text, url, original, complete, speech }
    Original { outlet, date, url }
    Ui {
        kicker, headline, standfirst, credit, published, updated, radius_note, overview,
        overview_intro, choose_circle, definition, our_translation, members, members_partial,
        figures, source, show_table, table_item, table_value, language_name, switch_language,
        diagram_label, scale_bar, north, legend_beijing, legend_not_member, legend_part,
        extent_not_stated, plan_name, reported_by, legend_hollow, status_confirmed,
        status_inferred, status_unconfirmed, beijing_core, text_version, radius, radius_source,
        history, get_data, all_figures_csv, chart_csv, chart_svg, diagram_png, embed, embed_help,
        embed_pym, places, places_hint, distance_note, nearby, close,
    }
}

words! {
    CircleId { Commuting => "commuting", Functional => "functional", Industrial => "industrial" }
    Section {
        Overview => "overview", Commuting => "commuting", Functional => "functional",
        Industrial => "industrial",
    }
    Unit {
        People => "people", Yuan => "yuan", Percent => "percent", SquareKm => "square_km",
        Count => "count",
    }
    Qualifier { Exact => "exact", About => "about", MoreThan => "more_than" }
    Extent { Whole => "whole", Part => "part", NotStated => "not_stated" }
    Status { Confirmed => "confirmed", Inferred => "inferred", Unconfirmed => "unconfirmed" }
    ChartKind { Bar => "bar" }
    Kind {
        Issuer => "issuer", Report => "report", Reprint => "reprint",
        Translation => "translation", Summary => "summary", Anonymous => "anonymous",
    }
    Speech { Direct => "direct", Indirect => "indirect" }
    Lang { Zh => "zh", En => "en" }
}

/// The story file's shape: the form's root, made once (every render and every save reads it).
pub fn story() -> &'static Shape {
    static STORY_SHAPE: std::sync::LazyLock<Shape> = std::sync::LazyLock::new(Story::shape);
    &STORY_SHAPE
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    use crate::stories::{FIXTURE, SHIPPED};

    /// Every key of `value` has a field in `shape`, and every value the shape it is given.
    fn walk(shape: &Shape, value: &Value, path: &str, seen: &mut Vec<String>) {
        match (shape, value) {
            (Shape::Optional(_), Value::Null) => {}
            (Shape::Optional(inner), _) => walk(inner, value, path, seen),
            (Shape::Record(fields), Value::Object(map)) => {
                for (key, item) in map {
                    let field = fields.iter().find(|f| f.key == key);
                    let Some(field) = field else {
                        panic!("{path}.{key}: in the file, not in the form");
                    };
                    seen.push(format!("{path}.{key}"));
                    walk(&field.shape, item, &format!("{path}.{key}"), seen);
                }
            }
            (Shape::List(inner), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    walk(inner, item, &format!("{path}[{i}]"), seen);
                }
            }
            (Shape::Text, Value::Object(map)) => {
                let keys: Vec<&str> = map.keys().map(String::as_str).collect();
                assert_eq!(keys, ["zh", "en"], "{path}");
            }
            (Shape::Line(_) | Shape::Ref(_), Value::String(_))
            | (Shape::Number, Value::Number(_))
            | (Shape::Flag, Value::Bool(_)) => {}
            (Shape::Word(words), Value::String(word)) => {
                assert!(
                    words.contains(&word.as_str()),
                    "{path}: {word} not in {words:?}"
                );
            }
            (shape, value) => panic!("{path}: {value} is not a {shape:?}"),
        }
    }

    #[test]
    fn every_key_of_the_shipped_and_the_fixture_story_has_its_field_in_the_form() {
        for (name, text) in [("shipped", SHIPPED), ("fixture", FIXTURE)] {
            let value: Value = serde_json::from_str(text).expect("the story is JSON");
            let mut seen = Vec::new();
            walk(story(), &value, name, &mut seen);
            assert!(
                seen.len() > 100,
                "{name}: only {} fields walked",
                seen.len()
            );
        }
    }

    #[test]
    fn the_form_lists_the_model_in_its_order() {
        let Shape::Record(fields) = story() else {
            panic!("the story is a record");
        };
        let keys: Vec<&str> = fields.iter().map(|f| f.key).collect();
        assert_eq!(keys[..4], ["id", "published", "updated", "centre"]);
        assert_eq!(keys.last(), Some(&"ui"));
        // Option<T> is optional, a Ref names its list, evidence is required.
        let place = story()
            .at(&[Step::Key("places".into()), Step::Index(0)])
            .cloned();
        let Some(Shape::Record(place)) = place else {
            panic!("a place is a record");
        };
        let shape_of = |key: &str| place.iter().find(|f| f.key == key).map(|f| f.shape.clone());
        assert_eq!(
            shape_of("part_of"),
            Some(Shape::Optional(Box::new(Shape::Ref("places"))))
        );
        assert_eq!(shape_of("lat"), Some(Shape::Number));
        let root = story();
        let evidence = root.at(&[
            Step::Key("places".into()),
            Step::Index(0),
            Step::Key("memberships".into()),
            Step::Index(0),
            Step::Key("evidence".into()),
            Step::Key("kind".into()),
        ]);
        assert!(
            matches!(evidence, Some(Shape::Optional(inner)) if matches!(**inner, Shape::Word(w) if w.contains(&"summary")))
        );
    }

    /// Each word the form offers is one the reader takes.
    #[test]
    fn every_word_the_form_offers_reads() {
        fn reads<T: Form + serde::de::DeserializeOwned>() {
            let Shape::Word(words) = T::shape() else {
                panic!("not a word list");
            };
            for word in words {
                assert!(
                    serde_json::from_value::<T>(Value::String((*word).to_owned())).is_ok(),
                    "{word}"
                );
            }
        }
        reads::<CircleId>();
        reads::<Section>();
        reads::<Unit>();
        reads::<Qualifier>();
        reads::<Extent>();
        reads::<Status>();
        reads::<ChartKind>();
        reads::<Kind>();
        reads::<Speech>();
        reads::<Lang>();
    }

    /// A blank record is what "add" puts in: the reader then names each field to fill in, and
    /// never a key the form does not know.
    #[test]
    fn a_blank_place_has_every_required_field_and_no_optional_one() {
        let shape = story()
            .at(&[Step::Key("places".into()), Step::Index(0)])
            .cloned()
            .expect("places have a shape");
        let blank = shape.blank();
        let keys: Vec<&str> = blank
            .as_object()
            .expect("a record")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "id",
                "name",
                "lat",
                "lon",
                "in_beijing",
                "memberships",
                "priority"
            ]
        );
    }
}
