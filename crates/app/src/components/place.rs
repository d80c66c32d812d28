//! What the graphic says of one place: on its card on the diagram and in the text version,
//! the same details from the same code.

use graphic::geo::distance_and_direction;
use graphic::words::{distance_text, membership_line};
use story::{Lang, Place, Story};
use yew::prelude::*;

/// A place's role, its distance and direction from the centre, and every circle it is listed
/// in with how sure that is, the extent and the basis; or why a place in no circle is shown.
pub fn place_details(story: &Story, place: &Place, lang: Lang) -> Html {
    let ui = &story.ui;
    let (km, point) = distance_and_direction(
        (*story.centre.lat, *story.centre.lon),
        *place.lat,
        *place.lon,
    );
    let circles = place.memberships.iter().map(|m| {
        let circle = story.circle(m.circle).name.get(lang);
        html! {
            <li data-circle={m.circle.slug()}>{ membership_line(story, place, circle, m, lang) }</li>
        }
    });
    let orientation = place.orientation.as_ref().map(|why| {
        let text = match lang {
            Lang::Zh => format!("{}：{}", ui.legend_not_member.zh, why.zh),
            Lang::En => format!("{}: {}", ui.legend_not_member.en, why.en),
        };
        html! { <p class="place-orientation">{ text }</p> }
    });
    html! {
        <>
            if let Some(role) = &place.role {
                <p class="place-role">{ role.get(lang) }</p>
            }
            <p class="place-distance">
                { distance_text(story.centre.name.get(lang), km, point, lang) }
            </p>
            if !place.memberships.is_empty() {
                <ul class="place-circles">{ for circles }</ul>
            }
            { for orientation }
        </>
    }
}
