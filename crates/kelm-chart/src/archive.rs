//! Reading a chart archive (gzip-compressed tar) into chart files, with Helm's
//! safety checks (`pkg/chart/loader/archive`): the first path component of every
//! entry is dropped (whatever it is called), `\` separators are accepted, absolute
//! paths, `..` and drive letters are refused, and no file may exceed 5 MiB
//! decompressed nor the whole chart 100 MiB.

use std::io::{self, Read};

use crate::Error;

/// The most a chart may decompress to, all files together (Helm's
/// `MaxDecompressedChartSize`).
pub const MAX_CHART_SIZE: u64 = 100 * 1024 * 1024;

/// The largest file a chart may hold, decompressed (Helm's `MaxDecompressedFileSize`).
pub const MAX_FILE_SIZE: u64 = 5 * 1024 * 1024;

/// A file read from an archive or a directory, before classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BufferedFile {
    /// The path relative to the chart, `/`-separated.
    pub name: String,
    /// The bytes, without a UTF-8 byte-order mark.
    pub data: Vec<u8>,
}

pub(crate) fn strip_bom(mut data: Vec<u8>) -> Vec<u8> {
    if data.starts_with(b"\xEF\xBB\xBF") {
        data.drain(..3);
    }
    data
}

pub(crate) use kelm_strconv::path::clean as go_clean;

/// Go's `regexp ^[a-zA-Z]:/`.
fn is_drive_path(n: &str) -> bool {
    let b = n.as_bytes();
    b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/'
}

/// An I/O error from decompressing or reading the tar stream, worded as Go's
/// `compress/gzip` and `archive/tar` word theirs.
fn stream_error(e: &io::Error) -> Error {
    let text = e.to_string();
    let msg = if e.kind() == io::ErrorKind::UnexpectedEof {
        "unexpected EOF"
    } else if text.contains("invalid gzip header") {
        "gzip: invalid header"
    } else if text.contains("checksum") && text.contains("gzip") || text.contains("crc") {
        "gzip: invalid checksum"
    } else if text.contains("deflate") || text.contains("corrupt") {
        "flate: corrupt input"
    } else {
        "archive/tar: invalid tar header"
    };
    Error::new(msg)
}

/// Helm's `LoadArchiveFiles`: the files of a gzip-compressed tar archive.
///
/// Errors are Helm's: `gzip: invalid header` (not gzip), `chart illegally contains
/// absolute paths`, `chart illegally references parent directory`, `chart illegally
/// contains content outside the base directory: "<entry>"`, `chart contains illegally
/// named files`, `chart yaml not in base directory`, the size limits, and `no files in
/// chart archive`.
pub fn load_archive_files(data: &[u8]) -> Result<Vec<BufferedFile>, Error> {
    if data.is_empty() {
        return Err(Error::new("EOF"));
    }
    if data.len() < 10 || data[0] != 0x1f || data[1] != 0x8b || data[2] != 8 {
        return Err(
            if data.len() < 10 && data.starts_with(&[0x1f, 0x8b, 8][..data.len().min(3)]) {
                Error::new("unexpected EOF")
            } else {
                Error::new("gzip: invalid header")
            },
        );
    }
    let gz = flate2::read::MultiGzDecoder::new(data);
    let mut archive = tar::Archive::new(gz);
    let entries = archive.entries().map_err(|e| stream_error(&e))?;
    let mut files = Vec::new();
    let mut remaining = MAX_CHART_SIZE;
    for entry in entries {
        let mut entry = entry.map_err(|e| stream_error(&e))?;
        let header = entry.header();
        let flag = header.entry_type().as_byte();
        let raw_name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let mode = header.mode().unwrap_or(0);
        let is_dir =
            flag == b'5' || (flag == 0 && raw_name.ends_with('/')) || (mode & 0o170000) == 0o040000;
        // Extended headers carry metadata for other entries, not files; Go's reader
        // still refuses malformed ones.
        if flag == b'g' || flag == b'x' {
            let mut records = Vec::new();
            (&mut entry)
                .take(MAX_FILE_SIZE)
                .read_to_end(&mut records)
                .map_err(|e| stream_error(&e))?;
            if !valid_pax_records(&records) {
                return Err(Error::new("archive/tar: invalid tar header"));
            }
            continue;
        }
        if is_dir {
            continue;
        }
        let delimiter = if raw_name.contains('\\') { '\\' } else { '/' };
        let mut parts = raw_name.split(delimiter);
        let first = parts.next().unwrap_or_default();
        let rest: Vec<&str> = parts.collect();
        let n = rest.join("/");
        if n.starts_with('/') {
            return Err(Error::new("chart illegally contains absolute paths"));
        }
        let n = go_clean(&n);
        if n == "." {
            return Err(Error::new(format!(
                "chart illegally contains content outside the base directory: {}",
                kelm_strconv::quote(&raw_name)
            )));
        }
        if n.starts_with("..") {
            return Err(Error::new("chart illegally references parent directory"));
        }
        if is_drive_path(&n) {
            return Err(Error::new("chart contains illegally named files"));
        }
        if first == "Chart.yaml" {
            return Err(Error::new("chart yaml not in base directory"));
        }
        let size = entry.size();
        let too_large = || {
            Error::new(format!(
                "decompressed chart is larger than the maximum size {MAX_CHART_SIZE}"
            ))
        };
        if size > remaining {
            return Err(too_large());
        }
        if size > MAX_FILE_SIZE {
            return Err(Error::new(format!(
                "decompressed chart file {} is larger than the maximum file size {MAX_FILE_SIZE}",
                kelm_strconv::quote(&raw_name)
            )));
        }
        let mut buf = Vec::with_capacity(size as usize);
        (&mut entry)
            .take(remaining)
            .read_to_end(&mut buf)
            .map_err(|e| stream_error(&e))?;
        let written = buf.len() as u64;
        remaining -= written;
        if written < size || remaining == 0 {
            return Err(too_large());
        }
        files.push(BufferedFile {
            name: n,
            data: strip_bom(buf),
        });
    }
    if files.is_empty() {
        return Err(Error::new("no files in chart archive"));
    }
    Ok(files)
}

/// Whether `data` is a sequence of PAX records (`<len> <key>=<value>\n`, the length
/// counting the whole record), as Go's `parsePAX` requires.
fn valid_pax_records(mut data: &[u8]) -> bool {
    while !data.is_empty() {
        let Some(sp) = data.iter().position(|&b| b == b' ') else {
            return false;
        };
        let Some(len) = std::str::from_utf8(&data[..sp])
            .ok()
            .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<usize>().ok())
        else {
            return false;
        };
        if len <= sp + 1 || len > data.len() {
            return false;
        }
        let record = &data[sp + 1..len];
        if record.last() != Some(&b'\n') || !record.contains(&b'=') {
            return false;
        }
        data = &data[len..];
    }
    true
}

/// Whether `data` starts like a gzip stream, as Helm sniffs a chart file before
/// loading it (`http.DetectContentType` says `application/x-gzip`, or the bytes start
/// with `1f 8b 08`).
pub fn looks_gzipped(data: &[u8]) -> bool {
    data.starts_with(&[0x1f, 0x8b, 0x08])
}

/// The media type Go's `http.DetectContentType` gives the first 512 bytes of a file
/// (short files padded with zero bytes, as Helm's buffer is), for the common kinds of
/// files a user mistakes for a chart.
pub fn sniff_content_type(data: &[u8]) -> &'static str {
    let mut buf = [0u8; 512];
    let n = data.len().min(512);
    buf[..n].copy_from_slice(&data[..n]);
    let ws = |b: u8| matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ');
    let first = buf.iter().position(|&b| !ws(b)).unwrap_or(buf.len());
    let body = &buf[first..];
    let html_tags: [&[u8]; 17] = [
        b"<!DOCTYPE HTML",
        b"<HTML",
        b"<HEAD",
        b"<SCRIPT",
        b"<IFRAME",
        b"<H1",
        b"<DIV",
        b"<FONT",
        b"<TABLE",
        b"<A",
        b"<STYLE",
        b"<TITLE",
        b"<B",
        b"<BODY",
        b"<BR",
        b"<P",
        b"<!--",
    ];
    for tag in html_tags {
        if body.len() > tag.len()
            && body[..tag.len()].eq_ignore_ascii_case(tag)
            && (body[tag.len()] == b' ' || body[tag.len()] == b'>')
        {
            return "text/html; charset=utf-8";
        }
    }
    if body.starts_with(b"<?xml") {
        return "text/xml; charset=utf-8";
    }
    let exact: [(&[u8], &str); 8] = [
        (b"%PDF-", "application/pdf"),
        (b"%!PS-Adobe-", "application/postscript"),
        (b"\x89PNG\x0D\x0A\x1A\x0A", "image/png"),
        (b"\xFF\xD8\xFF", "image/jpeg"),
        (b"GIF87a", "image/gif"),
        (b"GIF89a", "image/gif"),
        (b"PK\x03\x04", "application/zip"),
        (b"\x1F\x8B\x08", "application/x-gzip"),
    ];
    for (sig, ty) in exact {
        if buf.starts_with(sig) {
            return ty;
        }
    }
    if buf.starts_with(b"BZh") {
        return "application/x-bzip2";
    }
    if buf.starts_with(b"\xFE\xFF") || buf.starts_with(b"\xFF\xFE") {
        return "text/plain; charset=utf-16be";
    }
    if buf.starts_with(b"\xEF\xBB\xBF") {
        return "text/plain; charset=utf-8";
    }
    // Go's text check: no control bytes other than whitespace and ESC.
    let binary = buf.iter().any(|&b| {
        b <= 0x08 || b == 0x0B || (0x0E..=0x1A).contains(&b) || (0x1C..=0x1F).contains(&b)
    });
    if binary {
        "application/octet-stream"
    } else {
        "text/plain; charset=utf-8"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_like_go() {
        for (a, b) in [
            ("", "."),
            ("a/../..", ".."),
            ("/../a", "/a"),
            ("a//b/./c/", "a/b/c"),
            ("../a", "../a"),
            ("a/..", "."),
        ] {
            assert_eq!(go_clean(a), b, "{a}");
        }
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff_content_type(b"name: x\n"), "application/octet-stream");
        assert_eq!(
            sniff_content_type(&[b'a'; 600]),
            "text/plain; charset=utf-8"
        );
        assert_eq!(sniff_content_type(b"\x1f\x8b\x08\0"), "application/x-gzip");
    }
}
