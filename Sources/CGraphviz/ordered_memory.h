#ifndef TRUSTFLOW_CGRAPHVIZ_ORDERED_MEMORY_H
#define TRUSTFLOW_CGRAPHVIZ_ORDERED_MEMORY_H

#include <graphviz/cgraph.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/*
 * A cgraph memory discipline whose addresses follow creation order, so that the `fdp`
 * layout is the same on every run.
 *
 * fdp (Graphviz 2.42/2.43) orders objects of its internal "derived" graphs by heap address:
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
 * Those derived graphs are opened with agopen(name, desc, NULL), which uses the global
 * AgMemDisc, so the discipline is installed by overwriting AgMemDisc once per process. Each
 * root graph gets its own reserved range of address space, committed as it is used, split
 * into one region per block size (16-byte steps up to 512, then one for larger blocks). A
 * block comes from its region's most recently freed block of that size, else from above
 * every block made before: addresses follow the sequence of allocations and frees, which
 * depends on the input alone. (Reusing freed blocks keeps the peak of a big layout about
 * 1.4 MB lower than placing every block above the last.)
 *
 * Details cgraph's internals force (checked against the 2.42.2 sources):
 *   - close is NULL: with a close function agclose() takes a shortcut that leaves cgraph's
 *     static Ag_dictop_G pointing at the dead graph. Without it agclose() tears the graph
 *     down normally and frees the Agclos_t -- the arena's first allocation -- last; that
 *     free releases the arena.
 *   - agfree() does not say a block's size; the region it lies in does.
 *   - cdt "holder" objects (Dthold_t, three pointers) are allocated and freed through
 *     whichever graph Ag_dictop_G names at the time, often another one. They must not live in
 *     an arena another graph may release, so requests of that size go to calloc, and a free
 *     of a pointer in no live arena goes to free(). Any block may be freed through another
 *     graph's discipline, so a freed block goes to the free list of the arena it lies in.
 * Memory inside an arena is reclaimed when its graph closes (a layout's temporary graphs
 * close as it finishes). Callers serialise all Graphviz calls; the lock here only guards the
 * list of arenas.
 *
 * LeakSanitizer (the fuzzer's build) does not scan memory a program maps itself, so a graph
 * that lives to the end of the process -- cgraph's ProtoGraph of attribute defaults -- would
 * make every dictionary it points to a "direct leak". Each arena is a root region for it
 * while it lives; the weak declarations are null without the sanitizer.
 */

extern void __lsan_register_root_region(const void *base, size_t size) __attribute__((weak));
extern void __lsan_unregister_root_region(const void *base, size_t size) __attribute__((weak));

#define TRUSTFLOW_ARENA_RESERVE ((size_t)1 << 32) /* address space, PROT_NONE until used */
#define TRUSTFLOW_ARENA_STEP ((size_t)1 << 16)    /* committed 64 KiB at a time */
#define TRUSTFLOW_HOLDER_SIZE (3 * sizeof(void *)) /* sizeof(Dthold_t) */
#define TRUSTFLOW_SMALL_LIMIT 512                  /* blocks up to this size are reused once freed */
#define TRUSTFLOW_CLASSES (TRUSTFLOW_SMALL_LIMIT / 16) /* block sizes 16, 32, ..., 512 */
#define TRUSTFLOW_CLASS_RESERVE ((size_t)1 << 26)  /* 64 MiB of the reserve per size */

/* Region i < TRUSTFLOW_CLASSES holds the blocks of size 16 * (i + 1); the last region, the
 * rest of the reserve, holds larger blocks (tables and arrays), which are not reused. */
typedef struct {
    size_t used;
    size_t committed;
    void *free_blocks; /* freed blocks of this size, each holding the next one's address */
} trustflow_region_t;

typedef struct trustflow_arena {
    char *base; /* NULL when the reservation failed: calloc is used instead */
    void *first; /* the graph's Agclos_t, the first block: its free releases the arena */
    trustflow_region_t regions[TRUSTFLOW_CLASSES + 1];
    struct trustflow_arena *next;
} trustflow_arena_t;

/* The live arenas and their lock, behind functions: Swift's C importer does not emit a
 * header's zero-initialised static variables, but does emit a static function's own. */
static trustflow_arena_t **trustflow_arena_list(void) {
    static trustflow_arena_t *list = NULL;
    return &list;
}

static pthread_mutex_t *trustflow_arena_mutex(void) {
    static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    return &mutex;
}

static int trustflow_arena_owns(const trustflow_arena_t *arena, const void *pointer) {
    return arena && arena->base && (const char *)pointer >= arena->base
        && (const char *)pointer < arena->base + TRUSTFLOW_ARENA_RESERVE;
}

/* The live arena a block lies in, or NULL; called with the lock held. */
static trustflow_arena_t *trustflow_arena_owning(const void *pointer) {
    for (trustflow_arena_t *arena = *trustflow_arena_list(); arena; arena = arena->next) {
        if (trustflow_arena_owns(arena, pointer)) return arena;
    }
    return NULL;
}

static char *trustflow_region_base(const trustflow_arena_t *arena, size_t region) {
    return arena->base + region * TRUSTFLOW_CLASS_RESERVE;
}

/* The region of a block the arena owns. */
static size_t trustflow_region_of(const trustflow_arena_t *arena, const void *pointer) {
    size_t region = (size_t)((const char *)pointer - arena->base) / TRUSTFLOW_CLASS_RESERVE;
    return region < TRUSTFLOW_CLASSES ? region : TRUSTFLOW_CLASSES;
}

static void *trustflow_arena_open(Agdisc_t *disc) {
    (void)disc;
    trustflow_arena_t *arena = calloc(1, sizeof *arena);
    if (!arena) return NULL;
    void *base = mmap(NULL, TRUSTFLOW_ARENA_RESERVE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    arena->base = base == MAP_FAILED ? NULL : base;
    if (arena->base && __lsan_register_root_region) __lsan_register_root_region(arena->base, TRUSTFLOW_ARENA_RESERVE);
    pthread_mutex_lock(trustflow_arena_mutex());
    arena->next = *trustflow_arena_list();
    *trustflow_arena_list() = arena;
    pthread_mutex_unlock(trustflow_arena_mutex());
    return arena;
}

static void *trustflow_arena_alloc(void *state, size_t request) {
    trustflow_arena_t *arena = state;
    size_t size = request ? (request + 15) & ~(size_t)15 : 16;
    if (request == TRUSTFLOW_HOLDER_SIZE || !arena || !arena->base) return calloc(1, size);
    size_t index = size <= TRUSTFLOW_SMALL_LIMIT ? size / 16 - 1 : TRUSTFLOW_CLASSES;
    trustflow_region_t *region = &arena->regions[index];
    void *pointer;
    if (region->free_blocks) {
        /* The most recently freed block of this size: which one depends on the input alone. */
        pointer = region->free_blocks;
        region->free_blocks = *(void **)pointer;
        memset(pointer, 0, size);
    } else {
        if (index < TRUSTFLOW_CLASSES && region->used + size > TRUSTFLOW_CLASS_RESERVE) {
            /* A full size region (half a million blocks of one size): the rest of that size
             * comes from the large region, still in a deterministic order, never reused. */
            index = TRUSTFLOW_CLASSES;
            region = &arena->regions[index];
        }
        size_t capacity = index < TRUSTFLOW_CLASSES ? TRUSTFLOW_CLASS_RESERVE
                                                    : TRUSTFLOW_ARENA_RESERVE - TRUSTFLOW_CLASSES * TRUSTFLOW_CLASS_RESERVE;
        if (region->used + size > capacity) return calloc(1, size);
        char *start = trustflow_region_base(arena, index);
        if (region->used + size > region->committed) {
            size_t grow = (region->used + size - region->committed + TRUSTFLOW_ARENA_STEP - 1) / TRUSTFLOW_ARENA_STEP
                * TRUSTFLOW_ARENA_STEP;
            if (mprotect(start + region->committed, grow, PROT_READ | PROT_WRITE) != 0) return calloc(1, size);
            region->committed += grow;
        }
        pointer = start + region->used; /* fresh anonymous pages are zero, as cgraph expects */
        region->used += size;
    }
    if (!arena->first) arena->first = pointer;
    return pointer;
}

static void trustflow_arena_free(void *state, void *pointer) {
    trustflow_arena_t *arena = state;
    if (!pointer) return;
    pthread_mutex_lock(trustflow_arena_mutex());
    if (arena && arena->base && pointer == arena->first) {
        /* The Agclos_t, agclose's last free: the graph is gone, and so is its arena. */
        for (trustflow_arena_t **link = trustflow_arena_list(); *link; link = &(*link)->next) {
            if (*link == arena) {
                *link = arena->next;
                break;
            }
        }
        pthread_mutex_unlock(trustflow_arena_mutex());
        if (__lsan_unregister_root_region) __lsan_unregister_root_region(arena->base, TRUSTFLOW_ARENA_RESERVE);
        munmap(arena->base, TRUSTFLOW_ARENA_RESERVE);
        free(arena);
        return;
    }
    /* Freed through whichever graph cgraph names, which may not be the block's own. */
    trustflow_arena_t *owner = trustflow_arena_owning(pointer);
    if (owner) {
        size_t index = trustflow_region_of(owner, pointer);
        if (index < TRUSTFLOW_CLASSES) {
            *(void **)pointer = owner->regions[index].free_blocks;
            owner->regions[index].free_blocks = pointer;
        }
    }
    pthread_mutex_unlock(trustflow_arena_mutex());
    if (!owner) free(pointer); /* a holder, or a block calloc gave */
}

static void *trustflow_arena_resize(void *state, void *pointer, size_t old, size_t request) {
    trustflow_arena_t *arena = state;
    int own = pointer && trustflow_arena_owns(arena, pointer);
    if (own) {
        size_t index = trustflow_region_of(arena, pointer);
        size_t capacity = index < TRUSTFLOW_CLASSES ? 16 * (index + 1) : (old + 15) & ~(size_t)15;
        if (request <= capacity) {
            if (request > old) memset((char *)pointer + old, 0, request - old);
            return pointer;
        }
    }
    void *moved = trustflow_arena_alloc(state, request);
    if (moved && pointer) {
        memcpy(moved, pointer, old < request ? old : request);
        if (!arena || pointer != arena->first) trustflow_arena_free(state, pointer);
    }
    return moved;
}

static Agmemdisc_t trustflow_ordered_memory_discipline = {
    trustflow_arena_open, trustflow_arena_alloc, trustflow_arena_resize, trustflow_arena_free, NULL,
};

static void trustflow_install_ordered_memory(void) {
    /* Only over libcgraph's own malloc discipline (its open returns NULL, it has no close). */
    if (AgMemDisc.close == NULL && AgMemDisc.alloc != trustflow_arena_alloc && AgMemDisc.open(NULL) == NULL)
        AgMemDisc = trustflow_ordered_memory_discipline;
}

/* Installs the ordered memory discipline, once per process, before the first gvContext().
 * Never switched back: graphs opened after it rely on it until they close. */
static inline void trustflow_use_ordered_memory(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, trustflow_install_ordered_memory);
}

#endif
