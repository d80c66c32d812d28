//! References between the story's records — a zone's places, a place's whole, a figure's zone,
//! who said something, the two figures a bar is worked out from, a bar's source among its
//! chart's — written as ids (or a bar's index) in the file
//! and resolved to the record's index when the story is read ([`resolve`]). A story that reads
//! has no dangling reference, and code follows one with `story.get(&r)`: a lookup that cannot
//! come back empty, not a search by id that might.

use crate::checked::Id;
#[cfg(feature = "build")]
use crate::error::StoryError;
use crate::model::{Era, Figure, Place, Speaker, Story, Zone};
use std::fmt;
use std::marker::PhantomData;

/// A record of the story that others refer to by id.
pub trait Record: Sized {
    /// The story's list of these records.
    fn all(story: &Story) -> &[Self];
    fn id(&self) -> &Id;
    /// The list's name in the file, and the record's kind in Chinese, for messages.
    const LIST: (&'static str, &'static str);
}

/// Makes each record type referable: its list in the story, and its kind's name in Chinese.
macro_rules! records {
    ($($kind:ident in $list:ident, $zh:literal;)+) => {
        $(
            impl Record for $kind {
                fn all(story: &Story) -> &[$kind] {
                    &story.$list
                }
                fn id(&self) -> &Id {
                    &self.id
                }
                const LIST: (&'static str, &'static str) = (stringify!($list), $zh);
            }
        )+
    };
}

records! {
    Place in places, "地点";
    Zone in zones, "区域";
    Speaker in speakers, "讲话人";
    Figure in figures, "数据";
    Era in eras, "阶段";
}

/// Not yet resolved: only between reading the file and [`resolve`].
const UNRESOLVED: usize = usize::MAX;

/// A reference by id to a record of kind `T`, and the index that id has in the story.
pub struct Ref<T> {
    id: Id,
    index: usize,
    kind: PhantomData<fn() -> T>,
}

impl<T> Ref<T> {
    /// The id as the file writes it.
    pub fn id(&self) -> &Id {
        &self.id
    }

    /// The record's index in its list of the story.
    pub fn index(&self) -> usize {
        self.index
    }

    /// A reference of the baked story: resolved when the app was built.
    #[doc(hidden)]
    pub const fn baked(id: &'static str, index: usize) -> Ref<T> {
        Ref {
            id: Id::baked(id),
            index,
            kind: PhantomData,
        }
    }
}

impl<T: Record> Ref<T> {
    /// A reference to the record `index` of `story` (for tests and tools that build stories).
    pub fn to(story: &Story, index: usize) -> Option<Ref<T>> {
        let record = T::all(story).get(index)?;
        Some(Ref {
            id: record.id().clone(),
            index,
            kind: PhantomData,
        })
    }

    /// Finds the id among the story's records; on failure, says so for field `at`.
    #[cfg(feature = "build")]
    fn resolve(&mut self, story: &Story, at: &str) -> Result<(), StoryError> {
        match T::all(story).iter().position(|r| *r.id() == self.id) {
            Some(index) => {
                self.index = index;
                Ok(())
            }
            None => {
                let (list, kind_zh) = T::LIST;
                let id = &self.id;
                Err(StoryError::new(
                    at,
                    format!("\"{id}\" is none of the story's {list}"),
                    format!("“{id}”不是故事中的{kind_zh}（{list}）"),
                ))
            }
        }
    }
}

impl Story {
    /// The record a reference names.
    pub fn get<T: Record>(&self, r: &Ref<T>) -> &T {
        &T::all(self)[r.index]
    }
}

impl<T> Clone for Ref<T> {
    fn clone(&self) -> Self {
        Ref {
            id: self.id.clone(),
            index: self.index,
            kind: PhantomData,
        }
    }
}

impl<T> PartialEq for Ref<T> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.index == other.index
    }
}

impl<T> fmt::Debug for Ref<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ref({}, {})", self.id, self.index)
    }
}

/// The id alone: the index comes from [`resolve`].
impl<'de, T> serde::Deserialize<'de> for Ref<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Ref {
            id: Id::deserialize(deserializer)?,
            index: UNRESOLVED,
            kind: PhantomData,
        })
    }
}

/// Baked as `Ref::baked("id", index)`, a constant expression.
#[cfg(feature = "build")]
impl<T> databake::Bake for Ref<T> {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("story");
        let (id, index): (&str, usize) = (&self.id, self.index);
        databake::quote! { story::Ref::baked(#id, #index) }
    }
}

#[cfg(feature = "build")]
impl<T> databake::BakeSize for Ref<T> {
    fn borrows_size(&self) -> usize {
        self.id.len()
    }
}

/// `list[i].id: "x" is used twice`, for each record whose id an earlier one of its list has.
#[cfg(feature = "build")]
fn duplicates<T: Record>(story: &Story) -> Vec<StoryError> {
    let mut seen = std::collections::HashSet::new();
    T::all(story)
        .iter()
        .enumerate()
        .filter(|(_, record)| !seen.insert(record.id().clone()))
        .map(|(i, record)| {
            let id = record.id();
            StoryError::new(
                format!("{}[{i}].id", T::LIST.0),
                format!("\"{id}\" is used twice"),
                format!("“{id}”重复使用"),
            )
        })
        .collect()
}

/// Resolves every reference of a story just read, or names each that points nowhere. The
/// records are taken apart field by field, without `..`: a field added to one of them does not
/// compile here until someone says whether it refers to anything.
#[cfg(feature = "build")]
pub(crate) fn resolve(story: &mut Story) -> Vec<StoryError> {
    // A reference needs one record to point at: ids are unique within each list.
    let mut errors = [
        duplicates::<Place>(story),
        duplicates::<Zone>(story),
        duplicates::<Speaker>(story),
        duplicates::<Figure>(story),
        duplicates::<Era>(story),
    ]
    .concat();
    let snapshot = story.clone();
    let mut check = |result: Result<(), StoryError>| {
        if let Err(e) = result {
            errors.push(e);
        }
    };
    for (i, circle) in story.circles.iter_mut().enumerate() {
        let at = format!("circles[{i}].definition");
        let definition = &mut circle.definition;
        if let Some(said) = &mut definition.said {
            check(
                said.speaker
                    .resolve(&snapshot, &format!("{at}.said.speaker")),
            );
        }
        check(definition.era.resolve(&snapshot, &format!("{at}.era")));
        if let Some(quote) = &mut definition.quote {
            check(
                quote
                    .said
                    .speaker
                    .resolve(&snapshot, &format!("{at}.quote.said.speaker")),
            );
            check(quote.era.resolve(&snapshot, &format!("{at}.quote.era")));
        }
        if let Some(plan) = &mut definition.plan {
            check(
                plan.said
                    .speaker
                    .resolve(&snapshot, &format!("{at}.plan.said.speaker")),
            );
            check(plan.era.resolve(&snapshot, &format!("{at}.plan.era")));
        }
    }
    for (i, era) in story.eras.to_mut().iter_mut().enumerate() {
        if let Some(said) = &mut era.said {
            check(
                said.speaker
                    .resolve(&snapshot, &format!("eras[{i}].said.speaker")),
            );
        }
    }
    for (i, zone) in story.zones.to_mut().iter_mut().enumerate() {
        let Zone {
            id: _,
            name: _,
            short_name: _,
            circle: _,
            places,
            summary: _,
            said,
            source: _,
            evidence: _,
        } = zone;
        for (j, place) in places.to_mut().iter_mut().enumerate() {
            check(place.resolve(&snapshot, &format!("zones[{i}].places[{j}]")));
        }
        if let Some(said) = said {
            check(
                said.speaker
                    .resolve(&snapshot, &format!("zones[{i}].said.speaker")),
            );
        }
    }
    for (i, place) in story.places.to_mut().iter_mut().enumerate() {
        let Place {
            id: _,
            name: _,
            lat: _,
            lon: _,
            in_beijing: _,
            part_of,
            role: _,
            memberships,
            orientation: _,
            priority: _,
        } = place;
        if let Some(whole) = part_of {
            check(whole.resolve(&snapshot, &format!("places[{i}].part_of")));
        }
        for (j, membership) in memberships.to_mut().iter_mut().enumerate() {
            let crate::model::Membership {
                circle: _,
                status: _,
                era,
                extent: _,
                part: _,
                basis: _,
                source: _,
                evidence: _,
            } = membership;
            check(era.resolve(&snapshot, &format!("places[{i}].memberships[{j}].era")));
        }
    }
    for (i, figure) in story.figures.to_mut().iter_mut().enumerate() {
        let Figure {
            id: _,
            section: _,
            value: _,
            unit: _,
            qualifier: _,
            label: _,
            window: _,
            era,
            zone,
            said,
            source: _,
            evidence: _,
            difference,
            caveat: _,
        } = figure;
        if let Some(zone) = zone {
            check(zone.resolve(&snapshot, &format!("figures[{i}].zone")));
        }
        if let Some(era) = era {
            check(era.resolve(&snapshot, &format!("figures[{i}].era")));
        }
        if let Some(difference) = difference {
            let at = format!("figures[{i}].difference");
            check(difference.of.resolve(&snapshot, &format!("{at}.of")));
            check(difference.minus.resolve(&snapshot, &format!("{at}.minus")));
        }
        if let Some(said) = said {
            check(
                said.speaker
                    .resolve(&snapshot, &format!("figures[{i}].said.speaker")),
            );
        }
    }
    for (i, chart) in story.charts.to_mut().iter_mut().enumerate() {
        let sources = chart.sources.len();
        if sources == 0 {
            check(Err(StoryError::new(
                format!("charts[{i}].sources"),
                "must list at least one source",
                "至少要列出一个来源",
            )));
        }
        for (j, bar) in chart.bars.to_mut().iter_mut().enumerate() {
            // A bar's source is an index into its own chart's sources.
            if sources > 0 && usize::from(bar.source) >= sources {
                check(Err(StoryError::new(
                    format!("charts[{i}].bars[{j}].source"),
                    format!(
                        "names source {} of a chart with {sources} sources (counting from 0)",
                        bar.source
                    ),
                    format!(
                        "指向第{}个来源，但图表只有{sources}个来源（从0数起）",
                        bar.source
                    ),
                )));
            }
            if let Some(difference) = &mut bar.difference {
                let at = format!("charts[{i}].bars[{j}].difference");
                check(difference.of.resolve(&snapshot, &format!("{at}.of")));
                check(difference.minus.resolve(&snapshot, &format!("{at}.minus")));
            }
        }
    }
    errors
}
