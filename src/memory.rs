//! The process's memory: the system allocator, with large blocks backed by
//! huge pages where the kernel offers them.
//!
//! A long article's text, its sentences and the lists of names found are
//! tens of megabytes of fresh memory, and the kernel hands fresh memory
//! over a 4 KiB page at a time, each page a fault. On
//! Linux with transparent huge pages in `madvise` mode (Debian's default)
//! a 20 MB article took 28,000 faults, a fifth of the process's time. A
//! block of [`HUGE_FROM`] bytes or more is marked `MADV_HUGEPAGE`, so that
//! its whole 2 MiB ranges come in one fault each. Small blocks are left
//! alone: a huge page for them would hold memory the process never uses.
//!
//! A one-shot command that reads a long article also frees and asks again
//! for blocks of megabytes (the text, then its cuts, then the lists of
//! names); glibc hands each such block back to the kernel on free and takes
//! fresh zeroed pages for the next. [`reuse_freed_memory`] keeps those under
//! [`HEAP_BELOW`] in the heap instead (`analyze` of 20 MB of news: 13,300 →
//! 9,800 page faults; of 100 MB: peak 277 → 266 MB, as the largest blocks
//! still go back when freed; a bound of 32 MiB had raised that peak to 295
//! MB, at the 3× limit). The app does not call it, so that memory it frees
//! goes back.
//!
//! No crate does this for the system allocator (mimalloc's large pages
//! raised the peak of a 100 MB article past the 3× bound), so it is this
//! short wrapper. Binaries opt in with `#[global_allocator]`.

use std::alloc::{GlobalAlloc, Layout, System};

/// Blocks this large or larger are advised to use huge pages.
pub const HUGE_FROM: usize = 4 << 20;

/// The system allocator, advising huge pages for blocks of [`HUGE_FROM`] bytes or more.
pub struct HugePages;

// SAFETY: every block comes from and goes back to `System` unchanged; the
// advice only changes how the kernel backs the pages, never their contents.
unsafe impl GlobalAlloc for HugePages {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `System`'s.
        let block = unsafe { System.alloc(layout) };
        advise(block, layout.size());
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let block = unsafe { System.alloc_zeroed(layout) };
        advise(block, layout.size());
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: `block` came from `System` with `layout`.
        unsafe { System.dealloc(block, layout) }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `block` came from `System` with `layout`.
        let moved = unsafe { System.realloc(block, layout, new_size) };
        if new_size > layout.size() {
            advise(moved, new_size);
        }
        moved
    }
}

/// Ask the kernel to back the whole pages of `len` bytes at `block` with
/// huge pages, if the block is large.
fn advise(block: *mut u8, len: usize) {
    if block.is_null() || len < HUGE_FROM {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        const PAGE: usize = 4096;
        let start = (block as usize).next_multiple_of(PAGE);
        let end = (block as usize + len) / PAGE * PAGE;
        if end > start {
            // SAFETY: the range lies within a block the allocator owns;
            // MADV_HUGEPAGE changes no contents. A refusal (no THP in this
            // kernel) leaves the block as it was, so the result is ignored.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
}

/// Ask the processor to fetch `bytes[at]` into its cache, if `at` is given
/// and in bounds. A long article's passes read the text at each name found
/// (or each mention, or passage), one at a time, in text order but too far
/// apart for the processor to foresee: each read was a wait for memory (a
/// fifth of the time writing the JSON of the mentions), unless asked for a
/// few names ahead.
#[inline(always)]
pub fn prefetch(bytes: &[u8], at: Option<usize>) {
    #[cfg(target_arch = "x86_64")]
    if let Some(byte) = at.and_then(|at| bytes.get(at)) {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: SSE is part of x86-64; a prefetch only hints, reads nothing
        // the program sees, and the address is of a byte of `bytes`.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(byte).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (bytes, at);
}

/// Ask the processor to fetch `items[at]` into its cache, if in bounds (see [`prefetch`]).
#[inline(always)]
pub fn prefetch_item<T>(items: &[T], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(item) = items.get(at) {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: as in `prefetch`: a hint about the address of an item of `items`.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(item).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (items, at);
}

/// How many names (or mentions) ahead [`prefetch`] asks for the text.
pub const AHEAD: usize = 8;

/// Blocks below this size come from the heap and are kept for reuse once
/// [`reuse_freed_memory`] has been called.
pub const HEAP_BELOW: usize = 8 << 20;

/// Keep freed blocks under [`HEAP_BELOW`] bytes in the process for the next
/// request instead of returning them to the kernel (glibc's mmap and trim
/// thresholds). For short-lived commands: the heap never shrinks after.
/// Elsewhere than Linux with glibc it does nothing.
pub fn reuse_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets the allocator's thresholds; a refused value
    // leaves the default in place.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, HEAP_BELOW as libc::c_int);
        libc::mallopt(libc::M_TRIM_THRESHOLD, libc::c_int::MAX);
    }
}

/// The parts' items, each passed through `map` with its part's number, as
/// one list in order, written on every core.
///
/// A long text is read in parts on every core, and the parts' lists
/// (sentences, names found) are joined into one. Joined by one thread, that
/// join was fresh memory faulted in and filled on one core while the others
/// waited: 7 MB of names found in 20 MB of news took as long as a tenth of
/// their scan. Here each part is written into its own stretch of the list
/// on whichever core is free. rayon collects into one list in parallel only
/// from a list of known length, not from a list of lists, hence this.
pub fn join_parts<T: Send, U: Send>(parts: Vec<Vec<T>>, map: impl Fn(usize, T) -> U + Sync) -> Vec<U> {
    use rayon::prelude::*;
    let len = parts.iter().map(Vec::len).sum();
    let mut joined: Vec<U> = Vec::with_capacity(len);
    let mut room = &mut joined.spare_capacity_mut()[..len];
    let mut stretches = Vec::with_capacity(parts.len());
    for part in &parts {
        let (stretch, rest) = room.split_at_mut(part.len());
        stretches.push(stretch);
        room = rest;
    }
    parts
        .into_par_iter()
        .zip(stretches)
        .enumerate()
        .for_each(|(k, (part, stretch))| {
            for (slot, item) in stretch.iter_mut().zip(part) {
                slot.write(map(k, item));
            }
        });
    // SAFETY: the stretches cover the first `len` slots, each stretch as long
    // as its part, and every slot of every stretch was written above (a
    // panic in `map` unwinds past this line, and the list drops no item).
    unsafe { joined.set_len(len) };
    joined
}

/// The list `make` makes of `source`, part by part, on every core, with
/// `source`'s memory given back as it goes: `source` is cut into parts of
/// `part` items, part `k` makes `counts[k]` items of the list (`make(k,
/// items, into)` pushes them into `into`), and the parts are made a group
/// of `group` at a time from the last, `source` shortened after each group.
/// So a long list and the list it is made of are never both held whole.
///
/// Panics if a part makes another number of items than its count.
pub fn remake_from_end<S: Sync, T: Send>(
    mut source: Vec<S>,
    part: usize,
    group: usize,
    counts: &[usize],
    make: impl Fn(usize, &[S], &mut Vec<T>) + Sync,
) -> Vec<T> {
    use rayon::prelude::*;
    let (part, group) = (part.max(1), group.max(1));
    let parts = source.len().div_ceil(part);
    assert_eq!(counts.len(), parts, "one count per part");
    let mut offsets = Vec::with_capacity(parts + 1);
    offsets.push(0);
    for &n in counts {
        offsets.push(offsets.last().copied().unwrap_or(0) + n);
    }
    let total = offsets[parts];
    let mut list: Vec<T> = Vec::with_capacity(total);
    let mut end = parts;
    while end > 0 {
        let start = end.saturating_sub(group);
        let room = &mut list.spare_capacity_mut()[offsets[start]..offsets[end]];
        fault_in_room(room);
        let mut stretches = Vec::with_capacity(end - start);
        let mut rest = room;
        for &n in &counts[start..end] {
            let (stretch, after) = rest.split_at_mut(n);
            stretches.push(stretch);
            rest = after;
        }
        let whole = &source;
        stretches.into_par_iter().enumerate().for_each(|(j, stretch)| {
            let k = start + j;
            let items = &whole[k * part..((k + 1) * part).min(whole.len())];
            let mut made = Vec::with_capacity(stretch.len());
            make(k, items, &mut made);
            assert_eq!(
                made.len(),
                stretch.len(),
                "part {k} made another number of items than its count"
            );
            for (slot, item) in stretch.iter_mut().zip(made) {
                slot.write(item);
            }
        });
        source.truncate(start * part);
        source.shrink_to_fit();
        end = start;
    }
    // SAFETY: every part's stretch, together the first `total` slots, was
    // written in full above (each part made exactly its count of items, or
    // the assertion panicked before this line and the list drops no item).
    unsafe { list.set_len(total) };
    list
}

/// Touch every page of `room` (the spare room of a list about to be
/// filled) once, on every core, by writing `filler` into it.
///
/// A long list filled by one thread meets its fresh pages one fault at a
/// time on that thread, each fault the kernel zeroing the page; touched
/// first here, its faults are shared by the cores. The list's length is
/// not changed: what is written here is room, overwritten as it is filled.
pub fn fault_in<T: Copy + Send + Sync>(room: &mut [std::mem::MaybeUninit<T>], filler: T) {
    use rayon::prelude::*;
    // Every page holds the start of one chunk of this many items.
    let per_page = (4096 / std::mem::size_of::<T>().max(1)).max(1);
    room.par_chunks_mut(per_page).with_min_len(64).for_each(|page| {
        page[0].write(filler);
    });
}

/// [`fault_in`] for room of any type: a zero byte written at the start of
/// every page (the room is uninitialised either way).
pub fn fault_in_room<T>(room: &mut [std::mem::MaybeUninit<T>]) {
    let len = std::mem::size_of_val(room);
    // SAFETY: the same memory, as bytes that may be anything (`MaybeUninit<u8>`);
    // `room`'s borrow is held for as long as this view lives.
    let bytes = unsafe { std::slice::from_raw_parts_mut(room.as_mut_ptr().cast::<std::mem::MaybeUninit<u8>>(), len) };
    fault_in(bytes, 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_touched_first_is_still_room_of_any_type() {
        let mut names: Vec<(String, u64)> = Vec::with_capacity(100_000);
        fault_in_room(names.spare_capacity_mut());
        assert!(names.is_empty());
        names.extend((0..100_000).map(|i| (i.to_string(), i)));
        assert!(names.iter().zip(0..).all(|((s, n), i)| *s == i.to_string() && *n == i));
        // No room: nothing to touch.
        fault_in_room(Vec::<String>::new().spare_capacity_mut());
    }

    #[test]
    fn a_list_remade_from_the_end_in_parts_is_the_list_made_in_order() {
        // Keep the even numbers, as text: a part of 7 makes 3 or 4.
        let source: Vec<u32> = (0..1000).collect();
        let counts: Vec<usize> = source
            .chunks(7)
            .map(|c| c.iter().filter(|x| *x % 2 == 0).count())
            .collect();
        let made = remake_from_end(source.clone(), 7, 3, &counts, |k, items, into| {
            assert_eq!(items[0] as usize, 7 * k, "part {k} is its own items");
            into.extend(items.iter().filter(|x| *x % 2 == 0).map(|x| x.to_string()));
        });
        let whole: Vec<String> = source.iter().filter(|x| *x % 2 == 0).map(|x| x.to_string()).collect();
        assert_eq!(made, whole);
        assert!(remake_from_end(Vec::<u8>::new(), 4, 2, &[], |_, _, _: &mut Vec<u8>| {}).is_empty());
    }

    #[test]
    #[should_panic(expected = "another number of items")]
    fn a_part_that_makes_more_than_its_count_is_refused() {
        let _ = remake_from_end(vec![1u8, 2, 3], 2, 1, &[1, 1], |_, items, into| {
            into.extend_from_slice(items)
        });
    }

    #[test]
    fn parts_join_in_order_through_their_map() {
        let parts: Vec<Vec<u32>> = vec![vec![1, 2, 3], vec![], vec![4], (5..5000).collect()];
        let whole: Vec<(usize, String)> = parts
            .iter()
            .enumerate()
            .flat_map(|(k, part)| part.iter().map(move |x| (k, x.to_string())))
            .collect();
        assert_eq!(join_parts(parts, |k, x| (k, x.to_string())), whole);
        assert!(join_parts(Vec::<Vec<u8>>::new(), |_, x| x).is_empty());
    }

    #[test]
    fn blocks_large_and_small_keep_their_contents_through_growth() {
        for size in [16, HUGE_FROM - 1, HUGE_FROM, 3 * HUGE_FROM + 123] {
            let layout = Layout::from_size_align(size, 8).unwrap();
            // SAFETY: a non-zero size; every block is freed with its layout.
            unsafe {
                let block = HugePages.alloc(layout);
                assert!(!block.is_null());
                block.write(7);
                block.add(size - 1).write(9);
                let grown = HugePages.realloc(block, layout, 2 * size);
                assert_eq!((grown.read(), grown.add(size - 1).read()), (7, 9));
                HugePages.dealloc(grown, Layout::from_size_align(2 * size, 8).unwrap());
                let zeroed = HugePages.alloc_zeroed(layout);
                assert!(std::slice::from_raw_parts(zeroed, size).iter().all(|&b| b == 0));
                HugePages.dealloc(zeroed, layout);
            }
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_large_block_is_advised_to_use_huge_pages() {
        // The kernel lists the advice as the `hg` flag of the block's mapping.
        let layout = Layout::from_size_align(3 * HUGE_FROM, 4096).unwrap();
        // SAFETY: freed below with its layout.
        let block = unsafe { HugePages.alloc(layout) };
        let at = block as usize + HUGE_FROM;
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        let flags = mapping_flags(&smaps, at);
        // SAFETY: allocated above with `layout`.
        unsafe { HugePages.dealloc(block, layout) };
        let thp = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled").unwrap_or_default();
        if thp.contains("[never]") || thp.is_empty() {
            return; // no huge pages to ask for
        }
        assert!(flags.split_whitespace().any(|f| f == "hg"), "{flags}");
    }

    /// Bytes glibc holds in blocks mapped on their own (not in a heap).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn mapped_on_their_own() -> usize {
        // SAFETY: mallinfo2 only reads the allocator's statistics.
        unsafe { libc::mallinfo2() }.hblkhd
    }

    /// Run in a process of its own (allocator settings are per process and
    /// other tests allocate meanwhile): a 6 MB block is a mapping of its own
    /// by default and comes from the heap once freed memory is reused.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn reused_memory_puts_large_blocks_in_the_heap() {
        if let Ok(reuse) = std::env::var("ATLAS_MEMORY_CHILD") {
            if reuse == "1" {
                reuse_freed_memory();
            }
            let before = mapped_on_their_own();
            let block = std::hint::black_box(vec![1u8; 6 << 20]);
            let grew = mapped_on_their_own() - before;
            drop(block);
            println!("grew {grew}");
            return;
        }
        let grew = |reuse: &str| {
            let out = std::process::Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "memory::tests::reused_memory_puts_large_blocks_in_the_heap",
                    "--nocapture",
                ])
                .args(["--test-threads", "1"])
                .env("ATLAS_MEMORY_CHILD", reuse)
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout).to_string();
            let n = text
                .split("grew ")
                .nth(1)
                .and_then(|t| t.split_whitespace().next()?.parse::<usize>().ok());
            n.unwrap_or_else(|| panic!("no figure from the child: {text}"))
        };
        assert!(grew("0") >= 6 << 20, "by default a 6 MB block is mapped on its own");
        assert_eq!(grew("1"), 0, "with reuse it comes from the heap");
    }

    /// The `VmFlags` of the mapping of `/proc/self/smaps` holding address `at`.
    #[cfg(target_os = "linux")]
    fn mapping_flags(smaps: &str, at: usize) -> String {
        let mut inside = false;
        for line in smaps.lines() {
            if let Some((range, _)) = line.split_once(' ')
                && let Some((start, end)) = range.split_once('-')
                && let (Ok(start), Ok(end)) = (usize::from_str_radix(start, 16), usize::from_str_radix(end, 16))
            {
                inside = (start..end).contains(&at);
            } else if inside && let Some(flags) = line.strip_prefix("VmFlags:") {
                return flags.to_string();
            }
        }
        String::new()
    }
}
