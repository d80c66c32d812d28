//! What a reader sees in every PNG a build wrote (the preview image, the newsletter image and
//! the long image's first part, in both languages): at each place's mark, taken from the same
//! layout the image was drawn from, the colour the one mark function (`graphic::marks`) gives
//! that mark's style, over the disc beneath it; and no blot of pure black anywhere (the old
//! preview drew every focus ring as a black disc).
//!
//! It reads a build: `make test-images` runs it on `dist/` (`BUILT_DIST`) after `make build`,
//! with the story that build baked in.

use graphic::diagram::DiagramLayout;
use graphic::marks::MarkStyle;
use graphic::palette::{LIGHT, Rgb};
use image::RgbImage;
use std::path::{Path, PathBuf};
use story::{Lang, Story};

fn dist() -> PathBuf {
    match std::env::var_os("BUILT_DIST") {
        Some(dir) => PathBuf::from(dir),
        None => panic!("BUILT_DIST names no build: run `make test-images`"),
    }
}

fn open(path: &Path) -> RgbImage {
    image::open(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .to_rgb8()
}

/// What lies beneath a point of the layout: the innermost disc around it, or the paper.
fn under(l: &DiagramLayout, x: f64, y: f64) -> Rgb {
    let d = (x - l.centre.0).hypot(y - l.centre.1);
    l.circles
        .iter()
        .find(|(_, r)| d < *r - 1.0)
        .map_or(LIGHT.bg, |(id, _)| LIGHT.disc(*id))
}

/// Where a layout is drawn in an image: `(left, top) + scale × (x, y)`.
struct Placement {
    left: f64,
    top: f64,
    scale: f64,
}

/// Checks each mark of `l` as drawn in `image`. A mark whose centre a later mark covers
/// (drawn over it) is passed over: the later one is checked.
fn check_marks(name: &str, image: &RgbImage, l: &DiagramLayout, at: &Placement) -> Vec<String> {
    let r = l.class.mark_r_px;
    let mut problems = Vec::new();
    let mut checked = 0;
    for (k, m) in l.marks.iter().enumerate() {
        let covered = l.marks[k + 1..]
            .iter()
            .any(|later| (later.x - m.x).hypot(later.y - m.y) < r * 1.1);
        if covered {
            continue;
        }
        let style = MarkStyle::of(m);
        let expected = style.centre_colour(&LIGHT, under(l, m.x, m.y));
        let (px, py) = (
            (at.left + m.x * at.scale).round(),
            (at.top + m.y * at.scale).round(),
        );
        let Some(pixel) = image.get_pixel_checked(px as u32, py as u32) else {
            problems.push(format!(
                "{name}: mark {} at ({px}, {py}) outside the image",
                m.place
            ));
            continue;
        };
        let [pr, pg, pb] = pixel.0;
        let off = [(pr, expected.0), (pg, expected.1), (pb, expected.2)]
            .iter()
            .any(|(got, want)| got.abs_diff(*want) > 8);
        if off {
            problems.push(format!(
                "{name}: place {} ({style:?}) at ({px}, {py}) is #{pr:02x}{pg:02x}{pb:02x}, not {expected}",
                m.place
            ));
        }
        checked += 1;
    }
    assert!(
        checked >= l.marks.len() / 2,
        "{name}: only {checked} marks checked"
    );
    problems
}

/// The largest 4-connected area of pure black (#000000), in pixels.
fn largest_black_area(image: &RgbImage) -> usize {
    let (w, h) = image.dimensions();
    let black = |x: u32, y: u32| image.get_pixel(x, y).0 == [0, 0, 0];
    let mut seen = vec![false; (w as usize) * (h as usize)];
    let mut largest = 0;
    for start in 0..seen.len() {
        let (x, y) = ((start % w as usize) as u32, (start / w as usize) as u32);
        if seen[start] || !black(x, y) {
            continue;
        }
        let mut stack = vec![(x, y)];
        seen[start] = true;
        let mut area = 0;
        while let Some((x, y)) = stack.pop() {
            area += 1;
            let next = [
                (x.wrapping_sub(1), y),
                (x + 1, y),
                (x, y.wrapping_sub(1)),
                (x, y + 1),
            ];
            for (nx, ny) in next {
                if nx < w && ny < h {
                    let i = ny as usize * w as usize + nx as usize;
                    if !seen[i] && black(nx, ny) {
                        seen[i] = true;
                        stack.push((nx, ny));
                    }
                }
            }
        }
        largest = largest.max(area);
    }
    largest
}

#[test]
#[ignore = "reads a build: `make test-images` runs it after `make build`"]
fn every_png_shows_each_mark_in_its_style_and_no_black_blot() {
    use typeset::column::{COLUMN_PX, Channel, article, column_diagram};
    let story: &Story = publish::story_of_this_build();
    let dir = dist();
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let outline = graphic::outline::outline(story, lang);
        // The preview: the wide diagram at (15, 15), 600 px across.
        let preview = typeset::preview::preview_diagram(story, &outline);
        let path = dir.join(graphic::paths::share_image_path(lang, "png"));
        problems.extend(check_marks(
            &path.display().to_string(),
            &open(&path),
            &preview,
            &Placement {
                left: 15.0,
                top: 15.0,
                scale: 600.0 / preview.class.size_px,
            },
        ));
        // The newsletter image and the long image's first part: the column's diagram, below
        // the headline, at 1200 and 750 px across.
        let column = column_diagram(story, lang);
        let newsletter = article(story, &outline, &column, Channel::Newsletter, None);
        let long = article(story, &outline, &column, Channel::LongImage, None);
        let first_long = ["", "-1"]
            .iter()
            .map(|part| dir.join(format!("share/long-{}{part}.png", lang.code())))
            .find(|p| p.is_file())
            .unwrap_or_else(|| panic!("no long image in {lang}"));
        for (path, top, width) in [
            (
                dir.join(graphic::paths::static_image_path(lang, "png")),
                newsletter.diagram_top,
                1200.0,
            ),
            (first_long, long.diagram_top, 750.0),
        ] {
            let scale = width / COLUMN_PX;
            problems.extend(check_marks(
                &path.display().to_string(),
                &open(&path),
                &column,
                &Placement {
                    left: 0.0,
                    top: top * scale,
                    scale,
                },
            ));
        }
    }
    let mut pngs = 0;
    let listed = [dir.join("share"), dir.clone()]
        .into_iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten()
        .flatten();
    for entry in listed {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "png") {
            pngs += 1;
            let area = largest_black_area(&open(&path));
            if area >= 100 {
                problems.push(format!("{}: a black area of {area} px", path.display()));
            }
        }
    }
    assert!(pngs >= 6, "only {pngs} PNGs in {}", dir.display());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
