//! The story file of capital-circles: everything the graphic says, in both languages.
//!
//! At build time a file is read with serde into types that hold only valid values (`checked`:
//! ids, dates, https addresses, texts, coordinates, radii, scales; `Circles`: the three circles),
//! its references are resolved to indices (`reference`), the rules that span fields are checked
//! (`check`), and the story is written out as Rust code (`bake`) that the app compiles in. In
//! the page the story is only data: the `build` feature, which holds the reader, the rules and
//! the baker, is off there.

mod checked;
mod decimal;
mod error;
pub mod evidence;
mod lang;
mod model;
mod reference;

#[cfg(feature = "build")]
pub mod bake;
#[cfg(feature = "build")]
pub mod check;
#[cfg(feature = "build")]
pub mod read;
#[cfg(feature = "build")]
pub mod report;
/// The fixture story, for the tests of every crate.
#[cfg(feature = "build")]
pub mod testing;

pub use checked::{
    EnScale, HttpsUrl, Id, Invalid, IsoDate, Latitude, Longitude, MAX_ID_LEN, MAX_RADIUS_KM,
    QUOTATION_MARKS, RadiusKm, ReadAt, ZhScale,
};
pub use decimal::{Decimal, DecimalError};
pub use error::StoryError;
pub use evidence::{BuildOnly, Evidence};
pub use lang::{Lang, Text, Verbatim};
pub use model::*;
pub use reference::{Record, Ref};

use std::borrow::Cow;

/// Text of a story: borrowed from the baked data in the page, owned when read from a file.
pub type Str = Cow<'static, str>;
/// A list of a story: borrowed from the baked data in the page, owned when read from a file.
pub type List<T> = Cow<'static, [T]>;

/// Largest story file accepted; the shipped story is about 25 KB.
pub const MAX_STORY_BYTES: u64 = 1_000_000;
