//! The story's types, as the story file spells them. Every field is read by serde at build
//! time and baked into the app as data, so text is `Str` and lists are `List`: borrowed from
//! the baked statics in the page, owned when read from a file.

use crate::List;
use crate::checked::{EnScale, HttpsUrl, Id, IsoDate, Latitude, Longitude, RadiusKm, ZhScale};
use crate::decimal::Decimal;
use crate::evidence::{BuildOnly, Evidence};
use crate::lang::{Lang, Text, Verbatim};
use crate::reference::Ref;
use serde::Deserialize;

/// Derives for every record of the model: serde for reading, databake for baking.
macro_rules! record {
    ($(#[$meta:meta])* $vis:vis $kind:ident $name:ident $($body:tt)*) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[cfg_attr(feature = "build", derive(databake::Bake), databake(path = story))]
        $vis $kind $name $($body)*
    };
}

/// Derives for every word list of the model: the file's words are snake_case.
macro_rules! words {
    ($(#[$meta:meta])* $vis:vis enum $name:ident $($body:tt)*) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "build", derive(databake::Bake), databake(path = story))]
        $vis enum $name $($body)*
    };
}

words! {
    /// One name per idea: the same in the story file, the code and the URL (`?circle=`).
    pub enum CircleId {
        Commuting,
        Functional,
        Industrial,
    }
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

words! {
    /// Where a figure or chart belongs: the overview (the whole area) or one circle.
    pub enum Section {
        Overview,
        Commuting,
        Functional,
        Industrial,
    }
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

words! {
    /// What a figure counts. Decides the unit word after the number.
    pub enum Unit {
        People,
        Yuan,
        Percent,
        SquareKm,
        /// A number of things, named in the label (projects, roads, bridges).
        Count,
    }
}

words! {
    /// How the source states a figure: exactly, "about" (约) or "more than" (超过).
    #[derive(Default)]
    pub enum Qualifier {
        #[default]
        Exact,
        About,
        MoreThan,
    }
}

record! {
    pub struct Story {
        pub id: Id,
        pub published: IsoDate,
        pub updated: IsoDate,
        pub centre: Centre,
        pub circles: Circles,
        pub places: List<Place>,
        pub figures: List<Figure>,
        pub charts: List<Chart>,
        /// Each time the circles were set out (a plan, a report), oldest first: definitions,
        /// memberships and figures name the one they belong to, and "how the circles changed"
        /// tells them in order.
        pub eras: List<Era>,
        /// Areas the story tells of that have no boundary on the diagram.
        #[serde(default)]
        pub zones: List<Zone>,
        /// The people whose words the story quotes or paraphrases: never a document.
        #[serde(default)]
        pub speakers: List<Speaker>,
        pub ui: Ui,
    }
}

record! {
    /// One setting-out of the circles in time: Beijing's 2021 plan, the 2023 report, the 2026
    /// plan. Whatever the story says of a circle belongs to one of them, since the circles'
    /// definitions changed between them.
    pub struct Era {
        pub id: Id,
        /// When it was set out, as precise as it is known.
        pub date: IsoDate,
        /// Its short name, shown beside a membership: `2026年规划` / `2026 plan`.
        pub name: Text,
        /// What it said the circles were, paraphrased.
        pub summary: Text,
        /// Who said it, if a person did.
        pub said: Option<Said>,
        pub source: Source,
        /// The source's own sentences behind the summary.
        #[serde(default)]
        pub evidence: BuildOnly<Evidence>,
    }
}

record! {
    /// An area the story tells of, drawn as a group of its places, never as an outline: the
    /// diagram draws no boundaries.
    pub struct Zone {
        pub id: Id,
        pub name: Text,
        /// The name as the diagram's shared label gives it, short enough for a phone.
        pub short_name: Text,
        /// The circle whose view tells of it.
        pub circle: CircleId,
        /// Its places.
        pub places: List<Ref<Place>>,
        /// What the story says of it, paraphrased.
        pub summary: Text,
        /// Who said what the summary tells, if a person did.
        pub said: Option<Said>,
        pub source: Source,
        /// The source's own sentences behind the summary.
        #[serde(default)]
        pub evidence: BuildOnly<Evidence>,
    }
}

record! {
    /// A person whose words the story quotes or paraphrases, with the role they spoke in.
    /// A document or a publisher is a [`Source`], never a speaker.
    pub struct Speaker {
        pub id: Id,
        pub name: Text,
        pub role: Text,
    }
}

record! {
    /// Who said something, on which occasion and when: `Xia Linmao, State Council Information
    /// Office press conference, 12 Feb 2026`. The report it was read in is a separate
    /// [`Source`].
    pub struct Said {
        /// One of the story's `speakers`.
        pub speaker: Ref<Speaker>,
        pub occasion: Text,
        pub date: IsoDate,
    }
}

impl Story {
    pub fn circle(&self, id: CircleId) -> &Circle {
        self.circles.get(id)
    }

    /// The speaker with id `id`, for tools and tests that name one; the story's own
    /// references are followed with [`Story::get`].
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    /// The places that are parts of place `id` (`part_of`), in the story's order.
    pub fn parts_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Place> {
        self.places
            .iter()
            .filter(move |p| p.part_of.as_ref().is_some_and(|whole| *whole.id() == id))
    }

    /// The figures of a section, but those told of with a zone.
    pub fn figures_in(&self, section: Section) -> impl Iterator<Item = &Figure> {
        self.figures
            .iter()
            .filter(move |f| f.section == section && f.zone.is_none())
    }

    /// The zones told of in circle `id`'s view.
    pub fn zones_in(&self, id: CircleId) -> impl Iterator<Item = &Zone> {
        self.zones.iter().filter(move |z| z.circle == id)
    }

    /// The figures told of with zone `id`.
    pub fn figures_of_zone<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Figure> {
        self.figures
            .iter()
            .filter(move |f| f.zone.as_ref().is_some_and(|zone| *zone.id() == id))
    }

    pub fn charts_in(&self, section: Section) -> impl Iterator<Item = &Chart> {
        self.charts.iter().filter(move |c| c.section == section)
    }

    /// The places listed in circle `id`, each with its membership there.
    pub fn members_of(&self, id: CircleId) -> impl Iterator<Item = (&Place, &Membership)> {
        self.places
            .iter()
            .filter_map(move |p| p.membership(id).map(|m| (p, m)))
    }
}

record! {
    pub struct Centre {
        pub name: Text,
        pub lat: Latitude,
        pub lon: Longitude,
    }
}

record! {
    pub struct Circle {
        pub id: CircleId,
        pub name: Text,
        /// The plan's approximate radius: a basis, not a boundary.
        pub radius_km: RadiusKm,
        /// The circle's name in the plan where it differs from `name` (产业协同圈).
        pub plan_name: Option<Text>,
        /// What the circle is, in two attributed parts shown apart.
        pub definition: Definition,
        /// The list of member places is known to be incomplete.
        pub members_partial: bool,
    }
}

/// The three circles, each in its place: a story has every one of them, once. The file lists
/// them innermost first, as `circles: [commuting, functional, industrial]`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "Vec<Circle>")]
#[cfg_attr(feature = "build", derive(databake::Bake), databake(path = story))]
pub struct Circles {
    pub commuting: Circle,
    pub functional: Circle,
    pub industrial: Circle,
}

impl Circles {
    pub fn get(&self, id: CircleId) -> &Circle {
        match id {
            CircleId::Commuting => &self.commuting,
            CircleId::Functional => &self.functional,
            CircleId::Industrial => &self.industrial,
        }
    }

    pub fn get_mut(&mut self, id: CircleId) -> &mut Circle {
        match id {
            CircleId::Commuting => &mut self.commuting,
            CircleId::Functional => &mut self.functional,
            CircleId::Industrial => &mut self.industrial,
        }
    }

    /// Innermost first.
    pub fn iter(&self) -> impl Iterator<Item = &Circle> {
        CircleId::ALL.into_iter().map(|id| self.get(id))
    }

    /// Innermost first.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Circle> {
        [
            &mut self.commuting,
            &mut self.functional,
            &mut self.industrial,
        ]
        .into_iter()
    }
}

impl TryFrom<Vec<Circle>> for Circles {
    type Error = crate::Invalid;

    fn try_from(list: Vec<Circle>) -> Result<Circles, crate::Invalid> {
        let ids: Vec<CircleId> = list.iter().map(|c| c.id).collect();
        match <[Circle; 3]>::try_from(list) {
            Ok([commuting, functional, industrial]) if ids == CircleId::ALL => Ok(Circles {
                commuting,
                functional,
                industrial,
            }),
            _ => {
                let found: Vec<&str> = ids.iter().map(|id| id.slug()).collect();
                Err(crate::Invalid {
                    en: format!(
                        "must list the 3 circles innermost first: commuting, functional, industrial (found: {})",
                        found.join(", ")
                    ),
                    zh: format!(
                        "必须由内向外列出3个圈层：commuting、functional、industrial（现为：{}）",
                        found.join("、")
                    ),
                })
            }
        }
    }
}

record! {
    /// What a circle is, in two attributed parts shown apart: what the story's speaker said, as
    /// we summarise it, and what an official said of the plan, quoted.
    pub struct Definition {
        /// The speaker's words as we summarise them, in both languages: a paraphrase, never
        /// shown in quotation marks.
        pub summary: Text,
        /// The setting-out the summary tells (the 2023 report).
        pub era: Ref<Era>,
        /// Who said it, where a person did; a report's own narration names none.
        pub said: Option<Said>,
        pub source: Source,
        /// The source's own sentence behind the summary.
        #[serde(default)]
        pub evidence: BuildOnly<Evidence>,
        /// What an official said of the circle, quoted where a report quotes the words
        /// directly…
        pub quote: Option<Quote>,
        /// …or told in our words where it gives them as indirect speech. At most one of the two.
        pub plan: Option<Paraphrase>,
    }
}

record! {
    /// Words someone said, as a report tells them in indirect speech (夏林茂介绍…): our
    /// paraphrase in both languages, never in quotation marks, with who said them, where and
    /// when, and the report they were read in.
    pub struct Paraphrase {
        pub text: Text,
        /// The setting-out the words are about.
        pub era: Ref<Era>,
        pub said: Said,
        pub source: Source,
        /// The report's sentence that tells the words.
        #[serde(default)]
        pub evidence: BuildOnly<Evidence>,
    }
}

record! {
    /// Words someone said, verbatim in the language they used (`original`), with our
    /// translation in the other, naming who said them, where and when, and the report they
    /// were read in. Only the original is shown in quotation marks; the translation is marked
    /// as ours. Quotation marks appear nowhere else in a story.
    pub struct Quote {
        pub words: Verbatim,
        pub original: Lang,
        /// The setting-out the words are about (the 2026 plan).
        pub era: Ref<Era>,
        pub said: Said,
        pub source: Source,
        /// The report's sentence that holds the words, verbatim.
        #[serde(default)]
        pub evidence: BuildOnly<Evidence>,
    }
}

words! {
    /// How much of a place belongs to a circle, as the sources say it.
    pub enum Extent {
        Whole,
        Part,
        /// The source names the place (a node city) but not how much of it is in the circle.
        NotStated,
    }
}

words! {
    /// How sure a membership is: one set of words for every place and circle (facts.md §4).
    pub enum Status {
        /// Named by an official source for that circle.
        Confirmed,
        /// Our reading of a source that does not name the place for that circle (a circle that
        /// reaches a whole city cluster; a 2015 node city).
        Inferred,
        /// Plausible, not named by any source.
        Unconfirmed,
    }
}

impl Status {
    /// The word as the story file spells it.
    pub fn slug(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Inferred => "inferred",
            Status::Unconfirmed => "unconfirmed",
        }
    }
}

record! {
    /// A place's membership in one circle.
    pub struct Membership {
        pub circle: CircleId,
        pub status: Status,
        /// The setting-out of the circle the membership is about: a place named for the 2021
        /// plan's circle is not thereby in the 2026 plan's.
        pub era: Ref<Era>,
        pub extent: Extent,
        /// The part of the place the status is about, where other parts have another status
        /// (Langfang's urban districts: unconfirmed, while its counties Sanhe… are confirmed).
        pub part: Option<Text>,
        /// Where the membership comes from, in words.
        pub basis: Text,
        pub source: Source,
        /// The source's own sentence behind the membership.
        #[serde(default)]
        pub evidence: BuildOnly<Evidence>,
    }
}

record! {
    pub struct Place {
        pub id: Id,
        pub name: Text,
        pub lat: Latitude,
        pub lon: Longitude,
        /// Part of Beijing Municipality itself (Tongzhou, the city sub-centre).
        #[serde(default)]
        pub in_beijing: bool,
        /// Id of the place this one is a part of (Sanhe of Langfang, Zhuozhou of Baoding).
        pub part_of: Option<Ref<Place>>,
        /// Role such as "node city" or "city sub-centre".
        pub role: Option<Text>,
        /// Every circle the place is listed in, innermost first. Empty for a place shown for
        /// orientation only, which then says why in `orientation`.
        pub memberships: List<Membership>,
        /// Why a place in no circle is shown.
        pub orientation: Option<Text>,
        /// Higher keeps its label when space runs out.
        pub priority: u8,
    }
}

impl Place {
    /// The membership in the innermost circle the place is listed in: what its mark shows.
    pub fn innermost(&self) -> Option<&Membership> {
        self.memberships.iter().min_by_key(|m| m.circle)
    }

    pub fn membership(&self, id: CircleId) -> Option<&Membership> {
        self.memberships.iter().find(|m| m.circle == id)
    }
}

record! {
    pub struct Source {
        pub name: Text,
        /// Never inside the name.
        pub date: IsoDate,
        pub url: Option<HttpsUrl>,
    }
}

record! {
    pub struct Figure {
        pub id: Id,
        pub section: Section,
        pub value: Decimal,
        pub unit: Unit,
        pub qualifier: Qualifier,
        /// What the number counts, written so it cannot be misread.
        pub label: Text,
        /// For a cumulative figure: the years it adds up, written after the label.
        pub window: Option<Window>,
        /// The setting-out of the circles the figure is about, where it is about a circle or the
        /// circles together (a figure of a province as a whole names none).
        pub era: Option<Ref<Era>>,
        /// The zone the figure is told of with, if any (shown under the zone, not on its own).
        pub zone: Option<Ref<Zone>>,
        /// Who stated the figure, if a person did; otherwise the source itself states it.
        pub said: Option<Said>,
        pub source: Source,
        /// The source's own sentence that states the figure; or `difference`.
        #[serde(default)]
        pub evidence: BuildOnly<Evidence>,
        /// A value worked out from two other figures of the story rather than read in a
        /// source (2014–2020 = the 2014–2021 total minus 2021): shown as worked out, wherever
        /// it is shown.
        pub difference: Option<Difference>,
        pub caveat: Option<Text>,
    }
}

record! {
    /// The years a cumulative figure adds up (`from` where it is known) and when the total was
    /// stated (`as_of`, an ISO date as precise as it is known).
    pub struct Window {
        pub from: Option<u16>,
        pub to: Option<u16>,
        pub as_of: Option<IsoDate>,
    }
}

words! {
    pub enum ChartKind {
        Bar,
    }
}

record! {
    /// Compact unit for a chart's value labels, per language (powers of ten: zh 0/4/8/12,
    /// en 0/6/9/12), so bars of one chart read in one unit.
    #[derive(Copy)]
    pub struct ScalePair {
        pub zh: ZhScale,
        pub en: EnScale,
    }
}

record! {
    pub struct Chart {
        pub id: Id,
        pub section: Section,
        pub kind: ChartKind,
        pub title: Text,
        pub unit: Unit,
        pub scale: ScalePair,
        /// The unit as words under the title, e.g. "亿元" / "billion yuan".
        pub unit_label: Text,
        pub bars: List<Bar>,
        /// Every source the bars come from, each with its own date.
        pub sources: List<Source>,
        pub note: Option<Text>,
    }
}

record! {
    pub struct Bar {
        pub label: Text,
        pub value: Decimal,
        pub qualifier: Qualifier,
        /// Which of the chart's `sources` the value comes from (0, the first, when left out).
        #[serde(default)]
        pub source: u8,
        /// The source's own sentence that states the value; or `difference`.
        #[serde(default)]
        pub evidence: BuildOnly<Evidence>,
        /// A value worked out from two figures of the story rather than read in a source.
        pub difference: Option<Difference>,
    }
}

record! {
    /// `of − minus`, two figures of the story by id: the value must be exactly that.
    pub struct Difference {
        pub of: Ref<Figure>,
        pub minus: Ref<Figure>,
    }
}

impl Chart {
    /// The source of bar `bar`'s value: one of the chart's sources, as the reader made sure.
    pub fn source_of(&self, bar: &Bar) -> &Source {
        &self.sources[usize::from(bar.source)]
    }
}

/// Declares [`Ui`], one `Text` per string of the interface.
macro_rules! ui_strings {
    ($($name:ident),+ $(,)?) => {
        record! {
            /// Every string of the interface, in both languages. A missing key is an error
            /// naming it; each is a [`Text`], so none is empty or quoted.
            pub struct Ui {
                $(pub $name: Text,)+
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
    our_translation,
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
    extent_not_stated,
    plan_name,
    reported_by,
    legend_hollow,
    status_confirmed,
    status_inferred,
    status_unconfirmed,
    beijing_core,
    text_version,
    radius,
    radius_source,
    history,
    get_data,
    all_figures_csv,
    chart_csv,
    chart_svg,
    diagram_png,
    embed,
    embed_help,
    embed_pym,
    places,
    places_hint,
    distance_note,
    nearby,
    close,
}
