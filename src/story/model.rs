//! The story's types, as the JSON file spells them.

use super::json::{FromJson, Path, Value, from_json_enum, from_json_struct};
use super::text::Text;
use super::validate::StoryError;
use crate::numbers::{Decimal, Qualifier, Unit};

/// One name per idea: the same in the story file, the code and the URL (`?circle=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CircleId {
    Commuting,
    Functional,
    Industrial,
}

impl CircleId {
    /// Innermost first, the order of the story file and of the keyboard.
    pub const ALL: [CircleId; 3] = [
        CircleId::Commuting,
        CircleId::Functional,
        CircleId::Industrial,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            CircleId::Commuting => "commuting",
            CircleId::Functional => "functional",
            CircleId::Industrial => "industrial",
        }
    }

    pub fn from_slug(slug: &str) -> Option<CircleId> {
        CircleId::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// Where a figure or chart belongs: the overview (the whole area) or one circle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Overview,
    Commuting,
    Functional,
    Industrial,
}

impl From<CircleId> for Section {
    fn from(id: CircleId) -> Section {
        match id {
            CircleId::Commuting => Section::Commuting,
            CircleId::Functional => Section::Functional,
            CircleId::Industrial => Section::Industrial,
        }
    }
}

impl Section {
    pub fn circle(self) -> Option<CircleId> {
        match self {
            Section::Overview => None,
            Section::Commuting => Some(CircleId::Commuting),
            Section::Functional => Some(CircleId::Functional),
            Section::Industrial => Some(CircleId::Industrial),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    pub id: String,
    /// ISO dates, `YYYY-MM-DD`.
    pub published: String,
    pub updated: String,
    pub centre: Centre,
    pub circles: Vec<Circle>,
    pub places: Vec<Place>,
    pub figures: Vec<Figure>,
    pub charts: Vec<Chart>,
    pub ui: Ui,
}

impl Story {
    pub fn circle(&self, id: CircleId) -> Option<&Circle> {
        self.circles.iter().find(|c| c.id == id)
    }

    pub fn figures_in(&self, section: Section) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(move |f| f.section == section)
    }

    pub fn charts_in(&self, section: Section) -> impl Iterator<Item = &Chart> {
        self.charts.iter().filter(move |c| c.section == section)
    }

    pub fn members_of(&self, id: CircleId) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(move |p| p.circle == Some(id))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Centre {
    pub name: Text,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Circle {
    pub id: CircleId,
    pub name: Text,
    /// The plan's approximate radius: a basis, not a boundary.
    pub radius_km: f64,
    /// What the circle is. In zh, verified official wording; see `definition_source`.
    pub definition: Text,
    pub definition_source: SourcePair,
    /// The list of member places is known to be incomplete.
    pub members_partial: bool,
}

/// How a place belongs to its circle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    Whole,
    Part,
}

/// How sure the membership is (facts.md, section 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// Named as a member by an official source.
    Confirmed,
    /// Named in an earlier plan or outline, not in the 2026 plan's list.
    Reported,
    /// Not a member as far as any source says; shown for orientation.
    NotAMember,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: String,
    pub name: Text,
    pub lat: f64,
    pub lon: f64,
    /// The innermost circle the place belongs to, wholly or in part.
    pub circle: Option<CircleId>,
    pub extent: Extent,
    /// Part of Beijing Municipality itself (Tongzhou, the city sub-centre).
    pub in_beijing: bool,
    /// Role such as "node city" or "city sub-centre".
    pub role: Option<Text>,
    pub confidence: Confidence,
    /// Where the membership comes from, said in the text version.
    pub basis: Text,
    /// Higher keeps its label when space runs out.
    pub priority: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub name: Text,
    /// ISO date `YYYY-MM-DD`, or `YYYY-MM` where the source gives no day.
    pub date: String,
    pub url: Option<String>,
}

/// A source per language, where each language's wording comes from its own source
/// (zh quotes verified Chinese wording; en translates the 2023 article).
#[derive(Clone, Debug, PartialEq)]
pub struct SourcePair {
    pub zh: Source,
    pub en: Source,
}

impl SourcePair {
    pub fn get(&self, lang: super::Lang) -> &Source {
        match lang {
            super::Lang::Zh => &self.zh,
            super::Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: String,
    pub section: Section,
    pub value: Decimal,
    pub unit: Unit,
    pub qualifier: Qualifier,
    /// What the number counts, written so it cannot be misread.
    pub label: Text,
    pub source: Source,
    pub caveat: Option<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Bar,
}

/// Compact unit for a chart's value labels, per language (powers of ten: zh 0/4/8/12,
/// en 0/6/9/12), so bars of one chart read in one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScalePair {
    pub zh: i32,
    pub en: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub id: String,
    pub section: Section,
    pub kind: ChartKind,
    pub title: Text,
    pub unit: Unit,
    pub scale: ScalePair,
    /// The unit as words under the title, e.g. "亿元" / "billion yuan".
    pub unit_label: Text,
    pub bars: Vec<Bar>,
    pub source: Source,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: Text,
    pub value: Decimal,
    pub qualifier: Qualifier,
}

/// Declares [`Ui`] and its list of entries at once, so validation sees every string.
macro_rules! ui_strings {
    ($($name:ident),+ $(,)?) => {
        /// Every string of the interface, in both languages. A missing key is an error naming it.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Ui {
            $(pub $name: Text,)+
        }

        from_json_struct!(Ui { $($name),+ });

        impl Ui {
            /// Each string with its key, for validation.
            pub fn entries(&self) -> Vec<(&'static str, &Text)> {
                vec![$((stringify!($name), &self.$name),)+]
            }
        }
    };
}

ui_strings! {
    kicker,
    headline,
    standfirst,
    credit,
    published,
    updated,
    radius_note,
    overview,
    overview_intro,
    choose_circle,
    definition,
    members,
    members_partial,
    figures,
    source,
    show_table,
    table_item,
    table_value,
    language_name,
    switch_language,
    diagram_label,
    scale_bar,
    north,
    legend_beijing,
    legend_not_member,
    legend_part,
    legend_hollow,
    text_version,
    radius,
    radius_source,
    get_data,
    all_figures_csv,
    chart_csv,
    chart_svg,
    diagram_png,
    embed,
    embed_help,
    embed_pym,
}

// Reading from the story file: every field listed once; `= default` where it may be absent.
from_json_enum!(Section { Overview = "overview", Commuting = "commuting", Functional = "functional", Industrial = "industrial" });
from_json_enum!(Extent { Whole = "whole", Part = "part" });
from_json_enum!(Confidence { Confirmed = "confirmed", Reported = "reported", NotAMember = "not_a_member" });
from_json_enum!(ChartKind { Bar = "bar" });
from_json_enum!(Unit { People = "people", Yuan = "yuan", Percent = "percent", SquareKm = "square_km" });
from_json_enum!(Qualifier { Exact = "exact", About = "about", MoreThan = "more_than" });
from_json_struct!(Story {
    id,
    published,
    updated,
    centre,
    circles,
    places,
    figures,
    charts,
    ui
});
from_json_struct!(Centre { name, lat, lon });
from_json_struct!(Circle {
    id,
    name,
    radius_km,
    definition,
    definition_source,
    members_partial
});
from_json_struct!(Place { id, name, lat, lon, circle, extent, in_beijing = false, role, confidence, basis, priority });
from_json_struct!(Source { name, date, url });
from_json_struct!(SourcePair { zh, en });
from_json_struct!(Figure {
    id,
    section,
    value,
    unit,
    qualifier,
    label,
    source,
    caveat
});
from_json_struct!(ScalePair { zh, en });
from_json_struct!(Chart {
    id,
    section,
    kind,
    title,
    unit,
    scale,
    unit_label,
    bars,
    source,
    note
});
from_json_struct!(Bar {
    label,
    value,
    qualifier
});

/// A circle is spelled by its slug, the one name it has in the file, the code and the URL.
impl FromJson for CircleId {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, StoryError> {
        match value {
            Value::String(s) => CircleId::from_slug(s),
            _ => None,
        }
        .ok_or_else(|| super::json::not_one_of(at, &CircleId::ALL.map(CircleId::slug)))
    }
}

/// A figure's value is text in the source's own digits ("17.5万"), so no float rounds it.
impl FromJson for Decimal {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, StoryError> {
        let text = String::from_json(value, at)?;
        Decimal::parse(&text)
            .map_err(|e| at.error(format!("\"{text}\" {e}"), format!("“{text}”{}", e.zh())))
    }
}
