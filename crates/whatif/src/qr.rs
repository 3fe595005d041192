//! A QR code of a link as a PNG image in a `data:` address, for an `<img>`: WeChat offers "识别图中二维码" and "发送给
//!朋友" on a long press of an image, not of a drawing. The code is made by `qrcodegen` (ISO/IEC 18004, error
//! correction level M, which survives a photo of a screen); the PNG is written here: black and white, one bit per
//! pixel, the image data kept uncompressed in "stored" deflate blocks (a code's image is a few KB, and no
//! compressor has to come with the module). On a host page's element, whose policy may allow no `data:` image, the
//! code is drawn as inline SVG instead ([`svg_path`]).

use qrcodegen::{QrCode, QrCodeEcc};

/// White modules around the code, as the standard asks.
const QUIET: usize = 4;

/// The image is about this many pixels wide, in whole pixels per module.
const TARGET_PX: usize = 320;

/// The PNG of the QR code of `text` as a `data:image/png;base64,…` address, or `None` when the text is too long
/// for any QR code (about 2,300 bytes at level M).
pub fn data_url(text: &str) -> Option<String> {
    let png = png(text)?;
    Some(format!("data:image/png;base64,{}", base64(&png)))
}

/// The QR code of `text` as an SVG drawing: the side in modules (the quiet zone included) and a path of one
/// rectangle per run of dark modules in a row, for a page whose policy allows no `data:` image (a host page's
/// element). `None` when the text is too long for any QR code.
pub fn svg_path(text: &str) -> Option<(usize, String)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let modules = usize::try_from(code.size()).ok()?;
    let mut d = String::new();
    for y in 0..modules {
        let mut x = 0;
        while x < modules {
            // Both are below the code's size, at most 177.
            let dark = |x: usize| code.get_module(x as i32, y as i32);
            if !dark(x) {
                x += 1;
                continue;
            }
            let start = x;
            while x < modules && dark(x) {
                x += 1;
            }
            d.push_str(&format!("M{} {}h{}v1h-{}z", start + QUIET, y + QUIET, x - start, x - start));
        }
    }
    Some((modules + 2 * QUIET, d))
}

/// The PNG bytes of the QR code of `text`.
pub fn png(text: &str) -> Option<Vec<u8>> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let modules = usize::try_from(code.size()).ok()?;
    let scale = (TARGET_PX / (modules + 2 * QUIET)).max(2);
    let side = (modules + 2 * QUIET) * scale;
    let dark = |x: usize, y: usize| {
        let (mx, my) = (x / scale, y / scale);
        let inside = (QUIET..QUIET + modules).contains(&mx) && (QUIET..QUIET + modules).contains(&my);
        // Both are below the code's size, at most 177.
        inside && code.get_module((mx - QUIET) as i32, (my - QUIET) as i32)
    };
    // Each row: filter type 0 (none), then the pixels, eight to a byte, 1 = white.
    let row_bytes = side.div_ceil(8);
    let mut raw = Vec::with_capacity(side * (row_bytes + 1));
    for y in 0..side {
        raw.push(0);
        for byte in 0..row_bytes {
            let mut bits = 0u8;
            for bit in 0..8 {
                let x = byte * 8 + bit;
                if x >= side || !dark(x, y) {
                    bits |= 0x80 >> bit;
                }
            }
            raw.push(bits);
        }
    }
    let side = u32::try_from(side).ok()?;
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&side.to_be_bytes());
    header.extend_from_slice(&side.to_be_bytes());
    // Bit depth 1, colour type 0 (grey), deflate, no filter choice, no interlace.
    header.extend_from_slice(&[1, 0, 0, 0, 0]);
    let mut out = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    Some(out)
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    // A chunk's data is at most a few hundred KB here.
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A zlib stream (RFC 1950) of `data` in uncompressed deflate blocks (RFC 1951 §3.2.4).
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let mut blocks = data.chunks(0xffff).peekable();
    if blocks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(block) = blocks.next() {
        out.push(u8::from(blocks.peek().is_none()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in bytes {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

/// Standard base64 with padding (RFC 4648 §4), as `data:` addresses take it.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= group.len() { char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]) } else { '=' });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn be32(b: &[u8]) -> u32 {
        u32::from_be_bytes([b[0], b[1], b[2], b[3]])
    }

    /// The check values are the standards' own: CRC-32 of "123456789" is CBF43926 (ISO-HDLC), Adler-32 of
    /// "Wikipedia" is 11E60398 (RFC 1950's algorithm, its usual worked example), base64 of "foobar" and its
    /// prefixes are RFC 4648 §10's.
    #[test]
    fn the_checksums_and_base64_give_the_standards_check_values() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b"IEND"), 0xae42_6082, "every PNG ends with this CRC");
        assert_eq!(adler32(b"Wikipedia"), 0x11e6_0398);
        let cases =
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("foobar", "Zm9vYmFy")];
        for (plain, coded) in cases {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
    }

    /// The PNG says its size, and its pixels, read back through the stored blocks, are the code's modules with
    /// the quiet zone around them.
    #[test]
    fn the_image_is_the_codes_modules_with_a_quiet_zone() {
        let text = "https://example.org/anju/#s=1.AQABAAIBBDE5ODg";
        let png = png(text).expect("a short link fits");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        let side = be32(&png[16..20]) as usize;
        assert_eq!(be32(&png[20..24]) as usize, side, "square");
        assert_eq!(&png[24..29], &[1, 0, 0, 0, 0]);
        assert_eq!(be32(&png[29..33]), crc32(&png[12..29]), "the header's CRC");
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).unwrap();
        let modules = code.size() as usize;
        let scale = side / (modules + 2 * QUIET);
        assert_eq!(side, scale * (modules + 2 * QUIET));
        assert!(side >= 200, "big enough to scan from a phone's screen: {side} px");
        // The image data: IDAT's zlib stream, stored blocks, then the rows.
        let idat_len = be32(&png[33..37]) as usize;
        assert_eq!(&png[37..41], b"IDAT");
        let z = &png[41..41 + idat_len];
        assert_eq!(&z[..2], &[0x78, 0x01]);
        let mut raw = Vec::new();
        let mut at = 2;
        loop {
            let last = z[at] & 1 == 1;
            let len = u16::from_le_bytes([z[at + 1], z[at + 2]]) as usize;
            assert_eq!(u16::from_le_bytes([z[at + 3], z[at + 4]]), !(len as u16));
            raw.extend_from_slice(&z[at + 5..at + 5 + len]);
            at += 5 + len;
            if last {
                break;
            }
        }
        assert_eq!(be32(&z[at..at + 4]), adler32(&raw));
        let row = side.div_ceil(8) + 1;
        assert_eq!(raw.len(), side * row);
        let white = |x: usize, y: usize| raw[y * row + 1 + x / 8] & (0x80 >> (x % 8)) != 0;
        let mut checked = 0;
        for y in 0..side {
            assert_eq!(raw[y * row], 0, "filter none");
            for x in 0..side {
                let (mx, my) = (x / scale, y / scale);
                let quiet = mx < QUIET || my < QUIET || mx >= QUIET + modules || my >= QUIET + modules;
                let dark = !quiet && code.get_module((mx - QUIET) as i32, (my - QUIET) as i32);
                assert_eq!(white(x, y), !dark, "pixel {x},{y}");
                checked += 1;
            }
        }
        assert_eq!(checked, side * side);
        assert!(png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]));
    }

    #[test]
    fn the_drawing_has_every_dark_module_and_nothing_else() {
        let text = "https://example.org/anju/#s=1.abc";
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).unwrap();
        let modules = code.size() as usize;
        let (side, d) = svg_path(text).unwrap();
        assert_eq!(side, modules + 8, "four white modules on each side");
        // Read the runs back: M{x} {y}h{n}v1h-{n}z.
        let mut dark = vec![vec![false; side]; side];
        let mut runs = 0;
        for run in d.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let n: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            assert!(rest.ends_with(&format!("v1h-{n}z")));
            for cell in &mut dark[y][x..x + n] {
                assert!(!*cell, "runs do not overlap");
                *cell = true;
            }
            runs += 1;
        }
        assert!(runs > 0);
        for (y, row) in dark.iter().enumerate() {
            for (x, cell) in row.iter().enumerate() {
                let inside = (4..4 + modules).contains(&x) && (4..4 + modules).contains(&y);
                let want = inside && code.get_module(x as i32 - 4, y as i32 - 4);
                assert_eq!(*cell, want, "module {x},{y}");
            }
        }
        // The top-left finder pattern's first row: seven dark modules from the quiet zone's edge.
        assert!(d.starts_with("M4 4h7v1h-7z"));
        assert!(svg_path(&"x".repeat(4000)).is_none());
    }

    #[test]
    fn a_text_too_long_for_any_code_gives_no_image() {
        assert!(data_url(&"x".repeat(4000)).is_none());
        assert!(data_url("https://example.org/").is_some_and(|u| u.starts_with("data:image/png;base64,iVBORw0KGgo")));
    }
}
