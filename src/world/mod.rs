//! World geometry: Natural Earth country shapes decoded from TopoJSON,
//! triangulated once in Web Mercator units.
