/*
 * A cgraph memory discipline whose addresses follow creation order, so that the `fdp` layout
 * is the same in every process, and under which fdp no longer crashes.
 *
 * Private to Graphviz 2.42/2.43 (see fence.h): it replaces AgMemDisc, which later releases
 * removed, and relies on the internals listed below.
 *
 * Why ordered addresses. fdp (Graphviz 2.42/2.43) orders objects of its internal "derived"
 * graphs by heap address:
 *   - fdpgen/layout.c deriveGraph() chooses each derived edge's direction with
 *     `if (hd > tl)` on node pointers, which sets the edge iteration order and with it the
 *     order of the floating-point force sums in fdp_tLayout;
 *   - fdpgen/comp.c findCComp() lists connected components with agfstsubg(), ordered by ID,
 *     and cgraph's default ID discipline uses the address of the interned name as the ID;
 *     the component order is the packing order.
 * Heap addresses differ from run to run (ASLR, and expat's random hash salt changes the
 * order in which the HTML-label parser frees memory), so the same DOT text came out as a
 * different picture every time (upstream: "Non-determinancy in fdp", graphviz issue 1214).
 *
 * Why retired address ranges are never reused during a layout. fdp lays out each cluster in
 * a derived graph of its own and frees it when the cluster is done, but the DNODE pointers
 * of the cluster's nodes still point into it. fdpgen/layout.c genPorts() then compares such
 * a stale pointer, left by a sibling cluster, with a node of the next derived graph
 * (`DNODE(agtail(el)) == n`). When the allocator has given the freed address to that node,
 * the comparison picks the wrong end of the edge, the next level's deriveGraph() connects a
 * port to a node of another graph, and agedge() crashes (SIGSEGV in installedge: the node
 * has no subnode in that graph). With glibc's malloc the address is reused now and then (1
 * run in 900 of `dot -Kfdp` on random models crashed); an arena that handed every derived
 * graph the same addresses made it happen every time (22 of 300 random models, and the
 * common "user in an Internet boundary sends into a namespace" model). So a closed graph's
 * range of addresses is retired, its memory returned but its addresses kept reserved, until
 * the graph that was read and laid out is closed (trustflow_ordered_memory_release_retired):
 * a stale pointer then never equals a live node's address.
 *
 * How. Those derived graphs are opened with agopen(name, desc, NULL), which uses the global
 * AgMemDisc, so the discipline is installed by overwriting AgMemDisc once per process. Each
 * root graph gets its own reserved range of address space (1 GiB, committed 64 KiB at a time
 * as it is used), split into one region per block size (16-byte steps up to 512, then one
 * for larger blocks). A block comes from its region's most recently freed block of that
 * size, else from above every block made before: addresses follow the sequence of
 * allocations and frees, which depends on the input alone.
 *
 * Details cgraph's internals force (checked against the 2.42.2 sources):
 *   - close is NULL: with a close function agclose() takes a shortcut that leaves cgraph's
 *     static Ag_dictop_G pointing at the dead graph. Without it agclose() tears the graph
 *     down normally and frees the Agclos_t -- the arena's first allocation -- last; that
 *     free retires the arena.
 *   - agfree() does not say a block's size; the region it lies in does.
 *   - cdt "holder" objects (Dthold_t, three pointers) are allocated and freed through
 *     whichever graph Ag_dictop_G names at the time, often another one. They must not live in
 *     an arena another graph may retire, so requests of that size go to calloc, and a free
 *     of a pointer in no live arena goes to free(). Any block may be freed through another
 *     graph's discipline, so a freed block goes to the free list of the arena it lies in.
 * When address space runs out (tens of thousands of clusters in one layout), an arena falls
 * back to calloc: the layout is then neither ordered nor protected from the stale pointers.
 *
 * LeakSanitizer (the fuzzer's build) does not scan memory a program maps itself, so a graph
 * that lives to the end of the process -- cgraph's ProtoGraph of attribute defaults -- would
 * make every dictionary it points to a "direct leak". Each arena is a root region for it
 * while it lives; the weak declarations are null without the sanitizer.
 */

#include "fence.h"

#if TRUSTFLOW_GRAPHVIZ_PRIVATE_PARTS

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

extern void __lsan_register_root_region(const void *base, size_t size) __attribute__((weak));
extern void __lsan_unregister_root_region(const void *base, size_t size) __attribute__((weak));

#define ARENA_RESERVE ((size_t)1 << 30)     /* address space, PROT_NONE until used */
#define ARENA_STEP ((size_t)1 << 16)        /* committed 64 KiB at a time */
#define HOLDER_SIZE (3 * sizeof(void *))    /* sizeof(Dthold_t) */
#define SMALL_LIMIT 512                     /* blocks up to this size are reused once freed */
#define CLASSES (SMALL_LIMIT / 16)          /* block sizes 16, 32, ..., 512 */
#define CLASS_RESERVE ((size_t)1 << 24)     /* 16 MiB of the reserve per size */

/* Region i < CLASSES holds the blocks of size 16 * (i + 1); the last region, the rest of
 * the reserve, holds larger blocks (tables and arrays), which are not reused. */
typedef struct {
    size_t used;
    size_t committed;
    void *free_blocks; /* freed blocks of this size, each holding the next one's address */
} region_t;

typedef struct arena {
    char *base;  /* NULL when the reservation failed: calloc is used instead */
    void *first; /* the graph's Agclos_t, the first block: its free retires the arena */
    region_t regions[CLASSES + 1];
    struct arena *next;
} arena_t;

/* Live arenas, and retired ones (memory returned, addresses still reserved). Callers
 * serialise every Graphviz call, so no lock is needed. */
static arena_t *live_arenas;
static arena_t *retired_arenas;

static int arena_owns(const arena_t *arena, const void *pointer) {
    return arena && arena->base && (const char *)pointer >= arena->base
        && (const char *)pointer < arena->base + ARENA_RESERVE;
}

/* The live arena a block lies in, or NULL. */
static arena_t *arena_owning(const void *pointer) {
    for (arena_t *arena = live_arenas; arena; arena = arena->next) {
        if (arena_owns(arena, pointer)) return arena;
    }
    return NULL;
}

static char *region_base(const arena_t *arena, size_t region) { return arena->base + region * CLASS_RESERVE; }

/* The region of a block the arena owns. */
static size_t region_of(const arena_t *arena, const void *pointer) {
    size_t region = (size_t)((const char *)pointer - arena->base) / CLASS_RESERVE;
    return region < CLASSES ? region : CLASSES;
}

static void *arena_open(Agdisc_t *disc) {
    (void)disc;
    arena_t *arena = calloc(1, sizeof *arena);
    if (!arena) return NULL;
    void *base = mmap(NULL, ARENA_RESERVE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) {
        /* No arena: a NULL state makes every allocation fall back to calloc and free. */
        free(arena);
        return NULL;
    }
    arena->base = base;
    if (__lsan_register_root_region) __lsan_register_root_region(arena->base, ARENA_RESERVE);
    arena->next = live_arenas;
    live_arenas = arena;
    return arena;
}

static void *arena_alloc(void *state, size_t request) {
    arena_t *arena = state;
    size_t size = request ? (request + 15) & ~(size_t)15 : 16;
    if (request == HOLDER_SIZE || !arena || !arena->base) return calloc(1, size);
    size_t index = size <= SMALL_LIMIT ? size / 16 - 1 : CLASSES;
    region_t *region = &arena->regions[index];
    void *pointer;
    if (region->free_blocks) {
        /* The most recently freed block of this size: which one depends on the input alone. */
        pointer = region->free_blocks;
        region->free_blocks = *(void **)pointer;
        memset(pointer, 0, size);
    } else {
        if (index < CLASSES && region->used + size > CLASS_RESERVE) {
            /* A full size region: the rest of that size comes from the large region, still in
             * a deterministic order, never reused. */
            index = CLASSES;
            region = &arena->regions[index];
        }
        size_t capacity = index < CLASSES ? CLASS_RESERVE : ARENA_RESERVE - CLASSES * CLASS_RESERVE;
        if (region->used + size > capacity) return calloc(1, size);
        char *start = region_base(arena, index);
        if (region->used + size > region->committed) {
            size_t grow = (region->used + size - region->committed + ARENA_STEP - 1) / ARENA_STEP * ARENA_STEP;
            if (mprotect(start + region->committed, grow, PROT_READ | PROT_WRITE) != 0) return calloc(1, size);
            region->committed += grow;
        }
        pointer = start + region->used; /* fresh anonymous pages are zero, as cgraph expects */
        region->used += size;
    }
    if (!arena->first) arena->first = pointer;
    return pointer;
}

/* The graph is gone: its memory goes back to the system, its addresses stay reserved until
 * trustflow_ordered_memory_release_retired. */
static void arena_retire(arena_t *arena) {
    for (arena_t **link = &live_arenas; *link; link = &(*link)->next) {
        if (*link == arena) {
            *link = arena->next;
            break;
        }
    }
    if (__lsan_unregister_root_region) __lsan_unregister_root_region(arena->base, ARENA_RESERVE);
    if (mmap(arena->base, ARENA_RESERVE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0)
        == MAP_FAILED) {
        /* Cannot keep the reservation without the memory: give both back. */
        munmap(arena->base, ARENA_RESERVE);
        free(arena);
        return;
    }
    arena->next = retired_arenas;
    retired_arenas = arena;
}

static void arena_free(void *state, void *pointer) {
    arena_t *arena = state;
    if (!pointer) return;
    if (arena && arena->base && pointer == arena->first) {
        /* The Agclos_t, agclose's last free. */
        arena_retire(arena);
        return;
    }
    /* Freed through whichever graph cgraph names, which may not be the block's own. */
    arena_t *owner = arena_owning(pointer);
    if (!owner) {
        free(pointer); /* a holder, or a block calloc gave */
        return;
    }
    size_t index = region_of(owner, pointer);
    if (index < CLASSES) {
        *(void **)pointer = owner->regions[index].free_blocks;
        owner->regions[index].free_blocks = pointer;
    }
}

static void *arena_resize(void *state, void *pointer, size_t old, size_t request) {
    arena_t *arena = state;
    if (pointer && arena_owns(arena, pointer)) {
        size_t index = region_of(arena, pointer);
        size_t capacity = index < CLASSES ? 16 * (index + 1) : (old + 15) & ~(size_t)15;
        if (request <= capacity) {
            if (request > old) memset((char *)pointer + old, 0, request - old);
            return pointer;
        }
    }
    void *moved = arena_alloc(state, request);
    if (moved && pointer) {
        memcpy(moved, pointer, old < request ? old : request);
        if (!arena || pointer != arena->first) arena_free(state, pointer);
    }
    return moved;
}

static Agmemdisc_t ordered_memory_discipline = {
    arena_open, arena_alloc, arena_resize, arena_free, NULL,
};

void trustflow_ordered_memory_install(void) {
    /* Only over libcgraph's own malloc discipline (its open returns NULL, it has no close).
     * Never switched back: graphs opened after it rely on it until they close. */
    if (AgMemDisc.close == NULL && AgMemDisc.alloc != arena_alloc && AgMemDisc.open(NULL) == NULL)
        AgMemDisc = ordered_memory_discipline;
}

void trustflow_ordered_memory_release_retired(void) {
    while (retired_arenas) {
        arena_t *arena = retired_arenas;
        retired_arenas = arena->next;
        munmap(arena->base, ARENA_RESERVE);
        free(arena);
    }
}

#endif
