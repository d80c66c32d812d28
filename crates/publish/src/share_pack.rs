//! `dist/share/`: the files for channels that take no iframe, written and checked at build
//! time. The WeChat SVG, the long images (PNG and JPEG, split when too tall), the newsletter
//! image with its alt text, and a note for editors in each language. Every limit a channel
//! sets is checked here; a story that breaks one stops the build with a message naming the
//! file and the limit, in English and Chinese.

use super::wechat_check::wechat_faults;
use graphic::outline::Outline;
use graphic::paths::{SHARE_DIR, long_image_path, static_image_path, wechat_svg_path};
use std::path::Path;
use story::{Lang, Story};
use typeset::column::{COLUMN_PX, Channel, article, column_diagram};

/// The long image's width: the 375 px column at twice the density.
pub const LONG_WIDTH_PX: u32 = 750;
/// Weibo and Toutiao take taller images badly: a longer story is cut into parts.
pub const MAX_LONG_HEIGHT_PX: f64 = 20_000.0;
/// Largest file any of these channels takes.
pub const MAX_FILE_BYTES: u64 = 5_000_000;
/// The newsletter image's width: a 600 px email column at twice the density.
pub const NEWSLETTER_WIDTH_PX: u32 = 1200;
const JPEG_QUALITY: u8 = 85;

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

/// An image to render: its SVG, its PNG and JPEG copy (where it has one) as paths in
/// `dist/`, and its width in px.
struct Image {
    svg: String,
    png: String,
    jpeg: Option<String>,
    width: u32,
}

/// rsvg-convert's command line for `svg` to `png`, `width` px wide where given (Debian's
/// librsvg2-bin, with the CJK fonts readers see).
fn rsvg(svg: &Path, png: &Path, width: Option<u32>) -> std::process::Command {
    let mut command = std::process::Command::new("rsvg-convert");
    command.arg("--format=png");
    if let Some(width) = width {
        command.arg(format!("--width={width}"));
    }
    command.arg("--output").arg(png).arg(svg);
    command
}

/// Runs every rendering at once (they are separate processes, so both cores work) and waits
/// for all. `Ok(false)` where rsvg-convert is missing and the build does not require PNGs
/// (`cargo run` outside `make build`).
fn render_all(
    jobs: &[(std::path::PathBuf, std::path::PathBuf, Option<u32>)],
) -> Result<bool, String> {
    let mut children = Vec::new();
    for (svg, png, width) in jobs {
        match rsvg(svg, png, *width).spawn() {
            Ok(child) => children.push((child, svg)),
            Err(e) if std::env::var_os("PRERENDER_REQUIRE_PNG").is_some() => {
                return Err(format!("rsvg-convert not available: {e}"));
            }
            Err(e) => {
                eprintln!(
                    "prerender: no PNG made, rsvg-convert not available ({e}); `make build` installs it"
                );
                return Ok(false);
            }
        }
    }
    for (mut child, svg) in children {
        let status = child
            .wait()
            .map_err(|e| format!("rsvg-convert on {}: {e}", svg.display()))?;
        if !status.success() {
            return Err(format!(
                "rsvg-convert failed ({status}) on {}",
                svg.display()
            ));
        }
    }
    Ok(true)
}

/// Renders one SVG to PNG (the link-preview image).
pub fn svg_to_png(svg: &Path, png: &Path, width: Option<u32>) -> Result<bool, String> {
    render_all(&[(svg.to_path_buf(), png.to_path_buf(), width)])
}

/// A file over a channel's size limit, named in both languages.
fn size_message(shown: &str, bytes: u64) -> String {
    let mb = bytes as f64 / 1e6;
    format!(
        "{shown}: is {mb:.1} MB; Weibo, Toutiao and newsletters take at most 5 MB / 文件为{mb:.1}MB，微博、头条和电子报最多接受5MB"
    )
}

/// A JPEG copy of a PNG beside it (some apps show JPEG only). The PNG is opaque: every
/// article draws a white page first.
fn jpeg_copy(png: &Path, jpeg: &Path) -> Result<(), String> {
    let rgb = image::open(png)
        .map_err(|e| format!("{}: {e}", png.display()))?
        .to_rgb8();
    let (width, height) = (
        u16::try_from(rgb.width()).map_err(|_| format!("{}: too wide for JPEG", png.display()))?,
        u16::try_from(rgb.height()).map_err(|_| format!("{}: too tall for JPEG", png.display()))?,
    );
    jpeg_encoder::Encoder::new_file(jpeg, JPEG_QUALITY)
        .and_then(|encoder| encoder.encode(&rgb, width, height, jpeg_encoder::ColorType::Rgb))
        .map_err(|e| format!("{}: {e}", jpeg.display()))
}

/// Where to cut an article of `height` (column px) so that no part is taller than `max`: the
/// last break between blocks before each limit; where the block there is taller than half a
/// part, the last break between two of its lines; a stretch with neither is cut at the limit.
pub fn cut_points(height: f64, breaks: &[f64], line_breaks: &[f64], max: f64) -> Vec<(f64, f64)> {
    let mut parts = Vec::new();
    let mut start = 0.0;
    let last_before = |list: &[f64], start: f64, limit: f64| {
        list.iter()
            .copied()
            .filter(|b| *b > start + 1.0 && *b <= limit)
            .reduce(f64::max)
    };
    while height - start > max {
        let limit = start + max;
        // A break between blocks in the window's second half; else, inside a block taller
        // than that, the last break between lines; else any break; else the limit.
        let block = last_before(breaks, start, limit);
        let cut = block
            .filter(|b| *b >= start + max / 2.0)
            .or_else(|| last_before(line_breaks, start, limit))
            .or(block)
            .unwrap_or(limit);
        parts.push((start, cut));
        start = cut;
    }
    parts.push((start, height));
    parts
}

/// Where rendered images are kept between builds, keyed by what they are rendered from: a
/// rebuild of the same story copies them instead of rendering them again (`make build` starts
/// from an empty `dist/`). In the build's target folder, so `cargo clean` empties it.
fn cache_dir() -> std::path::PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into());
    std::path::PathBuf::from(target).join("share-cache")
}

/// The cache key of an image: its SVG, its width and how its JPEG copy is encoded.
fn cache_key(svg: &str, width: u32) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (svg, width, JPEG_QUALITY, env!("CARGO_PKG_VERSION")).hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Copies a cached rendering (and its JPEG copy, where one is wanted) into `dist/`; false
/// where the cache does not have it.
fn from_cache(key: &str, png: &Path, jpeg: Option<&Path>) -> bool {
    let dir = cache_dir();
    let cached_png = dir.join(format!("{key}.png"));
    let cached_jpeg = dir.join(format!("{key}.jpg"));
    if !cached_png.is_file() || (jpeg.is_some() && !cached_jpeg.is_file()) {
        return false;
    }
    std::fs::copy(&cached_png, png).is_ok()
        && jpeg.is_none_or(|jpeg| std::fs::copy(&cached_jpeg, jpeg).is_ok())
}

/// Keeps a rendering for the next build; a cache that cannot be written only costs time.
fn to_cache(key: &str, png: &Path, jpeg: Option<&Path>) {
    let dir = cache_dir();
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let _ = std::fs::copy(png, dir.join(format!("{key}.png")));
    if let Some(jpeg) = jpeg {
        let _ = std::fs::copy(jpeg, dir.join(format!("{key}.jpg")));
    }
}

/// The long image's parts, at most `max_height` column px each, as images to render.
fn long_parts(long: &typeset::column::Article, lang: Lang, max_height: f64) -> Vec<Image> {
    let parts = cut_points(long.height_px, &long.breaks, &long.line_breaks, max_height);
    parts
        .iter()
        .enumerate()
        .map(|(i, (top, bottom))| Image {
            svg: long.window_svg(*top, *bottom, LONG_WIDTH_PX),
            png: long_image_path(lang, i + 1, parts.len(), "png"),
            jpeg: Some(long_image_path(lang, i + 1, parts.len(), "jpg")),
            width: LONG_WIDTH_PX,
        })
        .collect()
}

/// Writes the WeChat SVGs, the long images (PNG and JPEG) and the newsletter images of both
/// languages, rendering every image at once. A long image whose part comes out over the size
/// limit is cut again into shorter parts, so a story that `check-story` accepts never stops
/// the build here.
pub fn write_share_packs(dir: &Path, story: &Story, address: Option<&str>) -> Result<(), String> {
    let scratch =
        std::env::temp_dir().join(format!("capital-circles-share-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    std::fs::create_dir_all(dir.join(SHARE_DIR))
        .map_err(|e| format!("{}: {e}", dir.join(SHARE_DIR).display()))?;
    let scale = f64::from(LONG_WIDTH_PX) / COLUMN_PX;
    let mut longs = Vec::new();
    let mut images: Vec<Image> = Vec::new();
    for lang in Lang::ALL {
        let outline: Outline = graphic::outline::outline(story, lang);
        let diagram = column_diagram(story, lang);
        let wechat = article(story, &outline, &diagram, Channel::WeChat, address).svg();
        let wechat_path = wechat_svg_path(lang);
        let faults = wechat_faults(&wechat);
        if !faults.is_empty() {
            return Err(faults
                .iter()
                .map(|f| format!("{wechat_path}: {f}"))
                .collect::<Vec<_>>()
                .join("\n"));
        }
        write(&dir.join(&wechat_path), &wechat)?;
        let long = article(story, &outline, &diagram, Channel::LongImage, address);
        images.extend(long_parts(&long, lang, MAX_LONG_HEIGHT_PX / scale));
        longs.push((lang, long, MAX_LONG_HEIGHT_PX / scale));
        let newsletter = article(story, &outline, &diagram, Channel::Newsletter, address);
        images.push(Image {
            svg: newsletter.window_svg(0.0, newsletter.height_px, NEWSLETTER_WIDTH_PX),
            png: static_image_path(lang, "png"),
            jpeg: None,
            width: NEWSLETTER_WIDTH_PX,
        });
        write(
            &dir.join(static_image_path(lang, "txt")),
            graphic::outline::column_alt_text(story, &outline, &diagram) + "\n",
        )?;
    }
    let result = render_and_recut(dir, &scratch, images, &mut longs);
    // The scratch copies were only rsvg-convert's input.
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// Renders `images`; where a long image's part is over the size limit, cuts that language's
/// long image again into parts shorter in proportion, and renders those, until every file
/// fits. A part can only get so short: below a screen's height the limit is named instead.
fn render_and_recut(
    dir: &Path,
    scratch: &Path,
    mut images: Vec<Image>,
    longs: &mut [(Lang, typeset::column::Article, f64)],
) -> Result<(), String> {
    const SHORTEST_PART_PX: f64 = 600.0;
    loop {
        let Some(sizes) = render_images(dir, scratch, &images)? else {
            // Without rsvg-convert (and not required), no image is made.
            return Ok(());
        };
        // Only long parts are cut again: any other image over the limit is named now, before a
        // second round renders the re-cut parts alone.
        let long_prefix = format!("{SHARE_DIR}/long-");
        for (image, bytes) in images.iter().zip(&sizes) {
            if !image.png.starts_with(&long_prefix) && *bytes > MAX_FILE_BYTES {
                return Err(size_message(&image.png, *bytes));
            }
        }
        let mut again = Vec::new();
        for (lang, long, max_height) in longs.iter_mut() {
            let prefix = format!("{SHARE_DIR}/long-{}", lang.code());
            let largest = images
                .iter()
                .zip(&sizes)
                .filter(|(image, _)| image.png.starts_with(&prefix))
                .map(|(_, bytes)| *bytes)
                .max()
                .unwrap_or(0);
            if largest <= MAX_FILE_BYTES {
                continue;
            }
            // Shorter parts, in proportion to how far over the largest one was, with room.
            let shorter = *max_height * (MAX_FILE_BYTES as f64 / largest as f64) * 0.9;
            if shorter < SHORTEST_PART_PX {
                let shown = images
                    .iter()
                    .find(|image| image.png.starts_with(&prefix))
                    .map_or(prefix.clone(), |image| image.png.clone());
                return Err(size_message(&shown, largest));
            }
            for image in images.iter().filter(|image| image.png.starts_with(&prefix)) {
                let _ = std::fs::remove_file(dir.join(&image.png));
                if let Some(jpeg) = &image.jpeg {
                    let _ = std::fs::remove_file(dir.join(jpeg));
                }
            }
            *max_height = shorter;
            again.extend(long_parts(long, *lang, shorter));
        }
        if again.is_empty() {
            // Every file is within the limit; the newsletter images too.
            for (image, bytes) in images.iter().zip(&sizes) {
                if *bytes > MAX_FILE_BYTES {
                    return Err(size_message(&image.png, *bytes));
                }
            }
            return Ok(());
        }
        images = again;
    }
}

/// Renders every image at once, each on its own thread from rendering to its JPEG copy (the
/// rsvg-convert processes and the JPEG encoding overlap, so both cores stay busy to the end),
/// taking from the cache what it has. The largest of each image's files, in bytes; `None`
/// where rsvg-convert is missing and the build does not require PNGs.
fn render_images(dir: &Path, scratch: &Path, images: &[Image]) -> Result<Option<Vec<u64>>, String> {
    let bytes = |path: &str| {
        std::fs::metadata(dir.join(path))
            .map(|m| m.len())
            .map_err(|e| format!("{path}: {e}"))
    };
    let largest = |image: &Image| -> Result<u64, String> {
        let png = bytes(&image.png)?;
        let jpeg = image.jpeg.as_deref().map(bytes).transpose()?.unwrap_or(0);
        Ok(png.max(jpeg))
    };
    let finish = |(i, image): (usize, &Image)| -> Result<Option<u64>, String> {
        let key = cache_key(&image.svg, image.width);
        let png = dir.join(&image.png);
        let jpeg = image.jpeg.as_ref().map(|j| dir.join(j));
        if from_cache(&key, &png, jpeg.as_deref()) {
            return largest(image).map(Some);
        }
        let svg_path = scratch.join(format!("image-{i}.svg"));
        write(&svg_path, &image.svg)?;
        if !render_all(&[(svg_path, png.clone(), Some(image.width))])? {
            return Ok(None);
        }
        if let Some(jpeg) = &jpeg {
            jpeg_copy(&png, jpeg)?;
        }
        to_cache(&key, &png, jpeg.as_deref());
        largest(image).map(Some)
    };
    let results: Vec<Result<Option<u64>, String>> = std::thread::scope(|scope| {
        let threads: Vec<_> = images
            .iter()
            .enumerate()
            .map(|job| scope.spawn(move || finish(job)))
            .collect();
        threads
            .into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|_| Err("an image's thread panicked".to_owned()))
            })
            .collect()
    });
    let mut sizes = Vec::new();
    for result in results {
        match result? {
            Some(bytes) => sizes.push(bytes),
            None => return Ok(None),
        }
    }
    Ok(Some(sizes))
}

/// `share/README-zh.txt` and `share/README-en.txt`: which file goes where, and the limits the
/// build checked.
pub fn write_editors_notes(dir: &Path, story: &Story) -> Result<(), String> {
    for lang in Lang::ALL {
        let note = graphic::words::editors_note(story.ui.headline.get(lang), lang);
        write(
            &dir.join(SHARE_DIR)
                .join(format!("README-{}.txt", lang.code())),
            note,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use graphic::outline::outline;

    #[test]
    fn the_wechat_svg_keeps_to_what_wechat_keeps_in_both_languages() {
        let story = story::testing::fixture();
        for lang in Lang::ALL {
            let diagram = column_diagram(story, lang);
            let svg = article(
                story,
                &outline(story, lang),
                &diagram,
                Channel::WeChat,
                Some("https://n.example/g/"),
            )
            .svg();
            assert_eq!(wechat_faults(&svg), Vec::<String>::new(), "{lang}");
            // One tap group per circle, each hidden until its own disc is tapped.
            assert_eq!(
                svg.matches("<g visibility=\"hidden\">").count(),
                3,
                "{lang}"
            );
            assert_eq!(
                svg.matches("begin=\"click;touchstart\"").count(),
                3,
                "{lang}"
            );
        }
    }

    #[test]
    fn a_tall_article_is_cut_between_blocks_and_no_part_is_too_tall() {
        let breaks = [100.0, 4000.0, 9000.0, 9900.0, 15000.0, 19990.0];
        let parts = cut_points(25_000.0, &breaks, &[], 10_000.0);
        assert_eq!(
            parts,
            [(0.0, 9900.0), (9900.0, 15_000.0), (15_000.0, 25_000.0)]
        );
        for (top, bottom) in &parts {
            assert!(bottom - top <= 10_000.0);
        }
        // A short article is one part; a stretch with no break is cut at the limit.
        assert_eq!(cut_points(500.0, &breaks, &[], 10_000.0), [(0.0, 500.0)]);
        assert_eq!(
            cut_points(25_000.0, &[], &[], 10_000.0),
            [(0.0, 10_000.0), (10_000.0, 20_000.0), (20_000.0, 25_000.0)]
        );
        // A block taller than a part is cut between two of its lines.
        assert_eq!(
            cut_points(25_000.0, &[100.0], &[9_990.0, 15_000.0, 19_000.0], 10_000.0),
            [(0.0, 9_990.0), (9_990.0, 19_000.0), (19_000.0, 25_000.0)]
        );
    }
}
