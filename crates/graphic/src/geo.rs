//! Places on a flat diagram: true distance and bearing from the centre (azimuthal equidistant).

/// Mean Earth radius (IUGG), km.
pub const EARTH_RADIUS_KM: f64 = 6_371.008_8;

/// A point on the diagram in km from the centre: `x` east, `y` north.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointKm {
    pub x: f64,
    pub y: f64,
}

impl PointKm {
    pub fn distance_km(self) -> f64 {
        self.x.hypot(self.y)
    }
}

/// Great-circle distance (haversine), km.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let a = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().atan2((1.0 - a).sqrt())
}

/// Initial bearing from the first point to the second, radians clockwise from north.
pub fn bearing_rad(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_lambda = (lon2 - lon1).to_radians();
    let y = d_lambda.sin() * phi2.cos();
    let x = phi1.cos() * phi2.sin() - phi1.sin() * phi2.cos() * d_lambda.cos();
    y.atan2(x)
}

/// Azimuthal equidistant projection around `centre`: distance and bearing from the centre are
/// exact, so a place 110 km away is drawn 110 km from the centre, in its true direction.
pub fn km_from_latlon(centre: (f64, f64), lat: f64, lon: f64) -> PointKm {
    let (c_lat, c_lon) = centre;
    let d = distance_km(c_lat, c_lon, lat, lon);
    let b = bearing_rad(c_lat, c_lon, lat, lon);
    PointKm {
        x: d * b.sin(),
        y: d * b.cos(),
    }
}

/// The sixteen points of the compass, clockwise from north, each covering 22.5°.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compass {
    N,
    Nne,
    Ne,
    Ene,
    E,
    Ese,
    Se,
    Sse,
    S,
    Ssw,
    Sw,
    Wsw,
    W,
    Wnw,
    Nw,
    Nnw,
}

impl Compass {
    pub const ALL: [Compass; 16] = [
        Compass::N,
        Compass::Nne,
        Compass::Ne,
        Compass::Ene,
        Compass::E,
        Compass::Ese,
        Compass::Se,
        Compass::Sse,
        Compass::S,
        Compass::Ssw,
        Compass::Sw,
        Compass::Wsw,
        Compass::W,
        Compass::Wnw,
        Compass::Nw,
        Compass::Nnw,
    ];

    /// The point whose 22.5° sector holds `bearing` (radians clockwise from north, any turn).
    pub fn from_bearing_rad(bearing: f64) -> Compass {
        let sector = (bearing.to_degrees().rem_euclid(360.0) / 22.5).round() as usize;
        Compass::ALL[sector % Compass::ALL.len()]
    }
}

/// How far a place lies from the centre, km, and in which direction: the reader's
/// "about 104 km south-southwest".
pub fn distance_and_direction(centre: (f64, f64), lat: f64, lon: f64) -> (f64, Compass) {
    let (c_lat, c_lon) = centre;
    (
        distance_km(c_lat, c_lon, lat, lon),
        Compass::from_bearing_rad(bearing_rad(c_lat, c_lon, lat, lon)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIANANMEN: (f64, f64) = (39.907, 116.391);

    #[test]
    fn distances_match_the_facts_table() {
        // facts.md, section 4: km from Tiananmen, rounded.
        for (lat, lon, km) in [
            (39.91, 116.73, 29.0),
            (39.05, 115.90, 104.0),
            (39.13, 117.18, 110.0),
            (38.85, 115.49, 141.0),
            (39.63, 118.17, 155.0),
            (40.77, 114.89, 160.0),
            (38.04, 114.51, 263.0),
        ] {
            let d = km_from_latlon(TIANANMEN, lat, lon).distance_km();
            assert!(
                (d - km).abs() <= 1.0,
                "{lat},{lon}: {d:.1} km, expected {km}"
            );
        }
    }

    #[test]
    fn directions_are_true() {
        let tianjin = km_from_latlon(TIANANMEN, 39.13, 117.18);
        assert!(
            tianjin.x > 0.0 && tianjin.y < 0.0,
            "Tianjin lies south-east: {tianjin:?}"
        );
        let zhangjiakou = km_from_latlon(TIANANMEN, 40.77, 114.89);
        assert!(
            zhangjiakou.x < 0.0 && zhangjiakou.y > 0.0,
            "north-west: {zhangjiakou:?}"
        );
        let due_north = km_from_latlon(TIANANMEN, 40.907, 116.391);
        assert!(due_north.x.abs() < 1e-9 && (due_north.y - 111.2).abs() < 0.1);
    }

    #[test]
    fn each_sector_of_the_compass_is_centred_on_its_point() {
        for (i, point) in Compass::ALL.iter().enumerate() {
            let centre = i as f64 * 22.5;
            for deg in [centre - 11.2, centre, centre + 11.2] {
                assert_eq!(
                    Compass::from_bearing_rad(deg.to_radians()),
                    *point,
                    "{deg}°"
                );
            }
        }
        assert_eq!(Compass::from_bearing_rad(-0.1), Compass::N);
        assert_eq!(
            Compass::from_bearing_rad(348.8_f64.to_radians()),
            Compass::N
        );
        assert_eq!(
            Compass::from_bearing_rad(348.7_f64.to_radians()),
            Compass::Nnw
        );
    }

    #[test]
    fn places_of_the_facts_table_lie_where_a_map_shows_them() {
        // Xiong'an (facts.md section 4): about 104 km south-southwest of Tiananmen.
        let (km, point) = distance_and_direction(TIANANMEN, 39.05, 115.90);
        assert_eq!((km.round(), point), (104.0, Compass::Ssw));
        // Tianjin: 110 km, south-east.
        let (km, point) = distance_and_direction(TIANANMEN, 39.13, 117.18);
        assert_eq!((km.round(), point), (110.0, Compass::Se));
        // Zhangjiakou, north-west.
        let (_, point) = distance_and_direction(TIANANMEN, 40.77, 114.89);
        assert_eq!(point, Compass::Nw);
    }

    #[test]
    fn projection_error_is_under_one_km_at_150_km() {
        // Distance between two projected points 150 km out vs. the true great-circle distance
        // along the radius: exact by construction; across, the flat diagram's error stays small.
        for bearing_deg in (0..360).step_by(15) {
            let b = f64::from(bearing_deg).to_radians();
            // Walk 150 km along the bearing on the sphere.
            let delta = 150.0 / EARTH_RADIUS_KM;
            let (phi1, l1) = (TIANANMEN.0.to_radians(), TIANANMEN.1.to_radians());
            let phi2 = (phi1.sin() * delta.cos() + phi1.cos() * delta.sin() * b.cos()).asin();
            let l2 = l1
                + (b.sin() * delta.sin() * phi1.cos()).atan2(delta.cos() - phi1.sin() * phi2.sin());
            let p = km_from_latlon(TIANANMEN, phi2.to_degrees(), l2.to_degrees());
            let expected = PointKm {
                x: 150.0 * b.sin(),
                y: 150.0 * b.cos(),
            };
            let error = (p.x - expected.x).hypot(p.y - expected.y);
            assert!(error < 1.0, "bearing {bearing_deg}: off by {error:.3} km");
        }
    }
}
