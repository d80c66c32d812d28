//! What the graphic says of one place (`graphic::outline::PlaceBlock`): on its card on the
//! diagram and in the text version, the same details from the same code.

use graphic::outline::PlaceBlock;
use yew::prelude::*;

/// A place's role, its distance and direction from the centre, and every circle it is listed
/// in with how sure that is, the extent and the basis; or why a place in no circle is shown.
pub fn place_details(place: &PlaceBlock) -> Html {
    html! {
        <>
            if let Some(role) = &place.role {
                <p class="place-role">{ role }</p>
            }
            <p class="place-distance">{ &place.distance }</p>
            if !place.memberships.is_empty() {
                <ul class="place-circles">
                    { for place.memberships.iter().map(|(circle, line)| html! {
                        <li data-circle={circle.slug()}>{ line }</li>
                    }) }
                </ul>
            }
            if let Some(orientation) = &place.orientation {
                <p class="place-orientation">{ orientation }</p>
            }
        </>
    }
}
