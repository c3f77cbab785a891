/*
 * A test double of Steam's flat C API (steam_api_flat.h, Steamworks SDK 1.64/1.65): it exports
 * the same SteamAPI_* and SteamAPI_ISteamNetworkingUtils_* symbols with the same signatures as
 * libsteam_api, so the Steam backend can be tested through koffi on a machine without Steam.
 *
 * What it does:
 * - records every call as one text line, e.g. `GetDirectPingToPOP(self=utils,popID=6386276)`
 *   (`self=utils` when `self` is the interface pointer it handed out), readable through
 *   RelaylaneDouble_ReadLog; RelaylaneDouble_SetCallLog(0) stops the recording (the benchmarks
 *   time calls without it), RelaylaneDouble_Reset starts it again;
 * - records misuse (a wrong `self`, a call before init or after shutdown, manual dispatch out of
 *   order, a callback not freed...) as "violations", readable through RelaylaneDouble_ReadViolations;
 * - answers like a small Steam by default: a relay network that comes up on a simulated clock
 *   (RelaylaneDouble_AdvanceTime), POPs with pings, ping locations in its own format with a text
 *   form and estimates, FakeIP ranges, a config value table with Steam's semantics (the table is
 *   defined by the tests through RelaylaneDouble_DefineConfigValue), debug output filtered by
 *   level, relay status callbacks (1281) through manual dispatch;
 * - or answers what a test scripted (RelaylaneDouble_Script: per function, the next return value,
 *   output bytes and auxiliary outputs), including failures: InitFlat with a message, a NULL
 *   interface, GetConfigValue reporting BufferTooSmall...;
 * - delivers queued callback structs through manual dispatch and scribbles (0xDD) each one when
 *   FreeLastCallback runs, keeping the memory mapped, so a reader after free sees garbage instead
 *   of crashing; invokes the installed global callbacks on demand with a buffer scribbled after
 *   the callback returns;
 * - calls the installed debug output function from a second thread on demand (pthread),
 *   optionally holding a "networking lock" during each call, as Steam's service thread does
 *   (RelaylaneDouble_SetNetworkingLockTimeout), while ManualDispatch_RunFrame takes the same lock.
 *
 * Threads: everything runs on the caller's (JavaScript main) thread except the debug output
 * thread, which only reads the installed function and level (atomics) and never touches the rest
 * of the state. No lock is held while calling back into JavaScript, except the networking lock in
 * its mode: there ManualDispatch_RunFrame waits for it with a timeout and records a violation when
 * the timeout expires (the deadlock Steam would have), instead of hanging the tests.
 *
 * Pure C11 + POSIX threads, no other dependency:
 *   cc -std=c11 -shared -fPIC -O1 -pthread -o libsteam_api_double.so steam_api_double.c
 */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(_WIN32)
#define EXPORT __declspec(dllexport)
#define CALLBACK_PACK 8
#else
#define EXPORT __attribute__((visibility("default")))
#define CALLBACK_PACK 4
#endif

/* ------------------------------------------------------------------------------------------ */
/* SDK constants                                                                               */

enum {
    AVAIL_CANNOT_TRY = -102, AVAIL_FAILED = -101, AVAIL_PREVIOUSLY = -100, AVAIL_RETRYING = -10,
    AVAIL_NEVER_TRIED = 1, AVAIL_WAITING = 2, AVAIL_ATTEMPTING = 3, AVAIL_CURRENT = 100
};
enum { PING_FAILED = -1, PING_UNKNOWN = -2 };
enum { FAKEIP_INVALID = 0, FAKEIP_NOT_FAKE = 1, FAKEIP_GLOBAL = 2, FAKEIP_LOCAL = 3 };
enum { RESULT_OK = 1, RESULT_INVALID_PARAM = 8, RESULT_NO_MATCH = 42 };
enum { SCOPE_GLOBAL = 1, SCOPE_SOCKETS_INTERFACE = 2, SCOPE_LISTEN_SOCKET = 3, SCOPE_CONNECTION = 4 };
enum { TYPE_INT32 = 1, TYPE_INT64 = 2, TYPE_FLOAT = 3, TYPE_STRING = 4, TYPE_PTR = 5 };
enum { GET_BAD_VALUE = -1, GET_BAD_SCOPE_OBJ = -2, GET_BUFFER_TOO_SMALL = -3, GET_OK = 1, GET_OK_INHERITED = 2 };
enum { DEBUG_NONE = 0, DEBUG_BUG = 1, DEBUG_ERROR = 2, DEBUG_IMPORTANT = 3, DEBUG_WARNING = 4,
       DEBUG_MSG = 5, DEBUG_VERBOSE = 6, DEBUG_DEBUG = 7, DEBUG_EVERYTHING = 8 };
enum { IDENTITY_INVALID = 0, IDENTITY_IP = 1, IDENTITY_STRING = 2, IDENTITY_BYTES = 3, IDENTITY_STEAMID = 16 };
enum { CONFIG_MTU_PACKET_SIZE = 32, CONFIG_MTU_DATA_SIZE = 33,
       CONFIG_CALLBACK_FIRST = 201, CONFIG_CALLBACK_LAST = 207 };
enum { CALLBACK_RELAY_NETWORK_STATUS = 1281 };

#define PING_LOCATION_BYTES 512
#define RELAY_STATUS_BYTES 272
#define IPADDR_BYTES 18
#define IDENTITY_BYTES_SIZE 136
#define CONFIG_STRUCT_BYTES 16
#define ERR_MSG_BYTES 1024
#define MESSAGE_STRUCT_BYTES 216

#define FAKEIP_MIN 0xa9fe0000u
#define FAKEIP_MIN_LOCAL 0xa9feff00u
#define FAKEIP_MAX 0xa9feffffu

#define INITIAL_TIMESTAMP_US INT64_C(3000000000000)

typedef void (*FnDebugOutput)(int32_t type, const char *message);
typedef void (*FnStructCallback)(void *data);

/* ------------------------------------------------------------------------------------------ */
/* Small helpers                                                                                */

typedef struct { char *data; size_t length, capacity; } text_buffer;

static void text_append(text_buffer *buffer, const char *text, size_t length) {
    if (buffer->length + length + 1 > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 4096;
        while (buffer->length + length + 1 > capacity) capacity *= 2;
        char *grown = realloc(buffer->data, capacity);
        if (!grown) return; /* out of memory: the line is lost, nothing else breaks */
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, text, length);
    buffer->length += length;
    buffer->data[buffer->length] = '\0';
}

static void text_clear(text_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->length = buffer->capacity = 0;
}

static void text_appendf(text_buffer *buffer, const char *format, ...) {
    char line[4096];
    va_list args;
    va_start(args, format);
    int length = vsnprintf(line, sizeof line, format, args);
    va_end(args);
    if (length < 0) return;
    if ((size_t)length >= sizeof line) length = (int)sizeof line - 1;
    text_append(buffer, line, (size_t)length);
    text_append(buffer, "\n", 1);
}

/* Copies `buffer` (NUL included) into out[capacity]; returns the size needed (NUL included). */
static int64_t text_read(const text_buffer *buffer, char *out, int64_t capacity) {
    int64_t needed = (int64_t)buffer->length + 1;
    if (out && capacity > 0) {
        int64_t count = needed < capacity ? needed : capacity;
        if (buffer->data) memcpy(out, buffer->data, (size_t)(count - 1));
        out[count - 1] = '\0';
    }
    return needed;
}

static char *copy_string(const char *text) {
    size_t length = strlen(text);
    char *copy = malloc(length + 1);
    if (copy) memcpy(copy, text, length + 1);
    return copy;
}

/* Writes `text` into buf[size], cut to fit, always NUL-terminated when size > 0. */
static void write_bounded(char *buf, int64_t size, const char *text) {
    if (!buf || size <= 0) return;
    size_t length = strlen(text);
    if ((int64_t)length >= size) length = (size_t)(size - 1);
    memcpy(buf, text, length);
    buf[length] = '\0';
}

static uint32_t read_u32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint16_t read_u16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static int32_t read_i32(const uint8_t *p) { int32_t v; memcpy(&v, p, 4); return v; }
static uint64_t read_u64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static void write_u32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void write_u16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }
static void write_i32(uint8_t *p, int32_t v) { memcpy(p, &v, 4); }
static void write_u64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

/* floor(x + 0.5) without libm (the double links nothing but libc and pthreads). */
static double round_half_up(double x) {
    double t = x + 0.5;
    double i = (double)(int64_t)t;
    return i > t ? i - 1.0 : i;
}

/* FNV-1a, 32-bit: how the log names a 512-byte location. */
static uint32_t fnv1a32(const uint8_t *bytes, size_t length) {
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < length; i++) { hash ^= bytes[i]; hash *= 16777619u; }
    return hash;
}

/* ------------------------------------------------------------------------------------------ */
/* State                                                                                        */

/* The object whose address is the ISteamNetworkingUtils pointer. Never dereferenced by anyone. */
static struct { uint64_t tag; } g_utils = { UINT64_C(0x5eed5eed5eed5eed) };

static text_buffer g_log;
static bool g_call_log = true; /* RelaylaneDouble_SetCallLog; on after loading and every reset */
static text_buffer g_violations;

static bool g_initialized;
static int32_t g_init_fail_result;
static char g_init_fail_message[ERR_MSG_BYTES];
static int32_t g_shutdown_count;
static bool g_interface_null;
static bool g_manual_dispatch;

static int64_t g_now_us;

/* Scripted answers, consumed first-in first-out per function. */
typedef struct script_entry {
    struct script_entry *next;
    char function[80];
    int64_t ret;
    double fret;
    uint8_t *bytes;
    int32_t byte_count; /* -1: no bytes */
    int64_t aux, aux2;
} script_entry;
static script_entry *g_scripts;
static char g_scripted_name[256]; /* the name GetConfigValueInfo returns when scripted */

/* Manual dispatch. */
typedef struct queued_callback {
    struct queued_callback *next;
    int32_t id;
    int32_t size;
    uint8_t *data;
} queued_callback;
static queued_callback *g_queue_head, *g_queue_tail;
static int32_t g_queue_length;
static uint8_t *g_outstanding; /* handed out by GetNextCallback, not yet freed */
static int32_t g_outstanding_size;
#define GRAVEYARD_SIZE 256
static uint8_t *g_graveyard[GRAVEYARD_SIZE]; /* freed (scribbled) blobs, kept mapped */
static int32_t g_graveyard_next;

/* Global callbacks: config values 201..207 (pointer-typed). */
static void *g_global_callbacks[CONFIG_CALLBACK_LAST - CONFIG_CALLBACK_FIRST + 1];

/* Debug output: read by the debug thread, hence atomics. */
static _Atomic uintptr_t g_debug_fn;
static _Atomic int32_t g_debug_level;
typedef struct { int32_t type; char *message; } pending_debug;
#define PENDING_DEBUG_MAX 1024
static pending_debug g_pending_debug[PENDING_DEBUG_MAX];
static int32_t g_pending_debug_count;

static pthread_t g_debug_thread;
static _Atomic int32_t g_debug_thread_state; /* 0 none, 1 running, 2 finished (to be joined) */
static _Atomic int32_t g_debug_thread_delivered;
static struct { int32_t count; int32_t type; bool hold_lock; char prefix[128]; } g_debug_thread_args;

/*
 * Steam's networking lock, as far as the debug output needs it: in its mode (timeout > 0 ms) the
 * debug output thread holds it while calling the function, and ManualDispatch_RunFrame takes it.
 */
static pthread_mutex_t g_networking_lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int32_t g_networking_lock_timeout_ms;

/* Relay network model. */
static bool g_relay_started;
static int64_t g_relay_start_us;
static bool g_config_ready;
static bool g_measuring;
static int64_t g_measure_start_us;
static bool g_pings_ready;
static int64_t g_measured_us;
static int64_t g_config_delay_us;
static int64_t g_ping_delay_us;
static int32_t g_status[4]; /* avail, measuring, config, any relay */
static char g_status_message[256];

typedef struct { uint32_t id; int32_t direct; uint32_t via; int32_t via_ping; } pop_entry;
#define MAX_POPS 256
static pop_entry g_pops[MAX_POPS];
static int32_t g_pop_count;
/* The POPs changed since local_location() last computed the local location (see there). */
static bool g_pops_changed = true;

/* FakeIP identities. */
typedef struct { uint32_t ip; uint16_t port; uint64_t steam_id; } fake_ip_entry;
#define MAX_FAKE_IPS 64
static fake_ip_entry g_fake_ips[MAX_FAKE_IPS];
static int32_t g_fake_ip_count;

/* Config values. */
enum { FLAG_DEV_ONLY = 1, FLAG_GENERIC_EDITABLE = 2, FLAG_READ_ONLY = 4, FLAG_NOT_LISTED = 8 };
typedef struct { int32_t i32; int64_t i64; float f; char *s; } config_value;
typedef struct {
    int32_t id;
    char name[64];
    int32_t type;
    int32_t scope;
    int32_t flags;
    bool has_limits;
    double min, max;
    config_value default_value;
    config_value global;
} config_entry;
#define MAX_CONFIG 256
static config_entry g_config[MAX_CONFIG]; /* sorted by id */
static int32_t g_config_count;

typedef struct connection_value {
    struct connection_value *next;
    uint32_t connection;
    int32_t id;
    config_value value;
} connection_value;
static connection_value *g_connection_values;
#define MAX_CONNECTIONS 64
static uint32_t g_connections[MAX_CONNECTIONS];
static int32_t g_connection_count;
static uint32_t g_next_connection = 0x1001;

/* AllocateMessage. */
static int64_t g_live_messages;

/* ------------------------------------------------------------------------------------------ */
/* Log formatting                                                                               */

#define TEMP_SLOTS 12
#define TEMP_SIZE 640
static char g_temp[TEMP_SLOTS][TEMP_SIZE];
static int g_temp_next;
static char *temp(void) { char *t = g_temp[g_temp_next]; g_temp_next = (g_temp_next + 1) % TEMP_SLOTS; t[0] = '\0'; return t; }

static const char *fmt_self(const void *self) {
    if (self == &g_utils) return "utils";
    char *t = temp();
    if (!self) snprintf(t, TEMP_SIZE, "NULL");
    else snprintf(t, TEMP_SIZE, "0x%" PRIxPTR, (uintptr_t)self);
    return t;
}

static const char *fmt_ptr(const void *p) {
    char *t = temp();
    if (!p) snprintf(t, TEMP_SIZE, "NULL");
    else snprintf(t, TEMP_SIZE, "0x%" PRIxPTR, (uintptr_t)p);
    return t;
}

static const char *fmt_out(const void *p) { return p ? "buf" : "NULL"; }

static const char *fmt_bool(bool b) { return b ? "true" : "false"; }

/* A quoted C string: printable ASCII as is, `"` and `\` escaped, other bytes as \xNN; cut at 200
 * bytes of input, or sooner when the slot is full. Every write stays inside the TEMP_SIZE slot: one
 * input byte takes at most 4 characters, and the loop stops while there is still room for that,
 * the "..." of a cut, the closing quote and the NUL (200 non-ASCII bytes would need 800). */
#define FMT_STRING_TAIL 5 /* "..." + '"' + '\0' */
static const char *fmt_string(const char *s) {
    char *t = temp();
    if (!s) { snprintf(t, TEMP_SIZE, "NULL"); return t; }
    size_t o = 0;
    t[o++] = '"';
    size_t i = 0;
    for (; s[i] && i < 200 && o + 4 + FMT_STRING_TAIL <= TEMP_SIZE; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') { t[o++] = '\\'; t[o++] = (char)c; }
        else if (c >= 0x20 && c < 0x7f) t[o++] = (char)c;
        else { snprintf(t + o, 5, "\\x%02x", c); o += 4; }
    }
    if (s[i]) { memcpy(t + o, "...", 3); o += 3; }
    t[o++] = '"';
    t[o] = '\0';
    return t;
}

static const char *fmt_location(const uint8_t *location) {
    char *t = temp();
    if (!location) snprintf(t, TEMP_SIZE, "NULL");
    else snprintf(t, TEMP_SIZE, "#%08" PRIx32, fnv1a32(location, PING_LOCATION_BYTES));
    return t;
}

static bool ipaddr_ipv4(const uint8_t *addr, uint32_t *ip) {
    static const uint8_t prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    if (memcmp(addr, prefix, 12) != 0) return false;
    *ip = ((uint32_t)addr[12] << 24) | ((uint32_t)addr[13] << 16) | ((uint32_t)addr[14] << 8) | addr[15];
    return true;
}

static void ipaddr_to_string(const uint8_t *addr, bool with_port, char *out, size_t size) {
    uint32_t ip;
    uint16_t port = read_u16(addr + 16);
    if (ipaddr_ipv4(addr, &ip)) {
        if (with_port && port)
            snprintf(out, size, "%u.%u.%u.%u:%u", ip >> 24, (ip >> 16) & 0xff, (ip >> 8) & 0xff, ip & 0xff, port);
        else
            snprintf(out, size, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 0xff, (ip >> 8) & 0xff, ip & 0xff);
        return;
    }
    /* IPv6: eight uncompressed groups (this double does not shorten them). */
    char groups[48];
    size_t o = 0;
    for (int i = 0; i < 16; i += 2)
        o += (size_t)snprintf(groups + o, sizeof groups - o, i ? ":%x" : "%x", (addr[i] << 8) | addr[i + 1]);
    if (with_port && port) snprintf(out, size, "[%s]:%u", groups, port);
    else snprintf(out, size, "%s", groups);
}

static const char *fmt_ipaddr(const uint8_t *addr) {
    char *t = temp();
    if (!addr) snprintf(t, TEMP_SIZE, "NULL");
    else ipaddr_to_string(addr, true, t, TEMP_SIZE);
    return t;
}

static void identity_to_string(const uint8_t *identity, char *out, size_t size) {
    int32_t type = read_i32(identity);
    int32_t cb = read_i32(identity + 4);
    const uint8_t *u = identity + 8;
    switch (type) {
    case IDENTITY_STEAMID:
        snprintf(out, size, "steamid:%" PRIu64, read_u64(u));
        return;
    case IDENTITY_IP: {
        char text[64];
        ipaddr_to_string(u, true, text, sizeof text);
        snprintf(out, size, "ip:%s", text);
        return;
    }
    case IDENTITY_STRING: {
        char text[33];
        memcpy(text, u, 32);
        text[32] = '\0';
        snprintf(out, size, "str:%s", text);
        return;
    }
    case IDENTITY_BYTES: {
        size_t o = (size_t)snprintf(out, size, "gen:");
        for (int32_t i = 0; i < cb && i < 32 && o + 3 < size; i++) o += (size_t)snprintf(out + o, size - o, "%02x", u[i]);
        return;
    }
    default:
        snprintf(out, size, "invalid");
        return;
    }
}

static const char *fmt_identity(const uint8_t *identity) {
    char *t = temp();
    if (!identity) snprintf(t, TEMP_SIZE, "NULL");
    else identity_to_string(identity, t, TEMP_SIZE);
    return t;
}

/* The arguments are formatted only while the call log is on: off, a call costs only its model. */
#define LOG(...) do { if (g_call_log) text_appendf(&g_log, __VA_ARGS__); } while (0)
#define VIOLATION(...) text_appendf(&g_violations, __VA_ARGS__)

/* ------------------------------------------------------------------------------------------ */
/* Scripts                                                                                      */

static script_entry *script_take(const char *function) {
    for (script_entry **link = &g_scripts; *link; link = &(*link)->next) {
        if (strcmp((*link)->function, function) == 0) {
            script_entry *found = *link;
            *link = found->next;
            return found;
        }
    }
    return NULL;
}

static void script_free(script_entry *entry) {
    if (!entry) return;
    free(entry->bytes);
    free(entry);
}

/* Copies the scripted bytes into out[capacity] (zero-filling the rest when `zero_rest`). */
static void script_copy_bytes(const script_entry *s, void *out, int64_t capacity, bool zero_rest) {
    if (!out || capacity <= 0) return;
    if (zero_rest) memset(out, 0, (size_t)capacity);
    if (s->byte_count <= 0) return;
    int64_t count = s->byte_count < capacity ? s->byte_count : capacity;
    memcpy(out, s->bytes, (size_t)count);
}

/* Writes the scripted bytes as a C string into buf[size]. */
static void script_copy_string(const script_entry *s, char *buf, int64_t size) {
    if (!buf || size <= 0) return;
    char text[4096];
    int32_t count = s->byte_count > 0 ? s->byte_count : 0;
    if (count > (int32_t)sizeof text - 1) count = (int32_t)sizeof text - 1;
    if (count) memcpy(text, s->bytes, (size_t)count);
    text[count] = '\0';
    write_bounded(buf, size, text);
}

/* ------------------------------------------------------------------------------------------ */
/* Debug output                                                                                 */

/* Queues a message for the installed function if its level lets it through. */
static void debug_emit(int32_t type, const char *format, ...) {
    if (!atomic_load(&g_debug_fn) || type > atomic_load(&g_debug_level)) return;
    if (g_pending_debug_count >= PENDING_DEBUG_MAX) return;
    char message[512];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    char *copy = copy_string(message);
    if (!copy) return;
    g_pending_debug[g_pending_debug_count].type = type;
    g_pending_debug[g_pending_debug_count].message = copy;
    g_pending_debug_count++;
}

/*
 * Hands the queued messages to the installed function. Called last in the functions that flush,
 * when the state is consistent: the function may call back into the double.
 */
static void debug_flush(void) {
    while (g_pending_debug_count > 0) {
        /* Taken off the queue before the call: a re-entrant flush cannot deliver it twice. */
        pending_debug item = g_pending_debug[0];
        memmove(g_pending_debug, g_pending_debug + 1, sizeof g_pending_debug[0] * (size_t)(g_pending_debug_count - 1));
        g_pending_debug_count--;
        FnDebugOutput fn = (FnDebugOutput)atomic_load(&g_debug_fn);
        if (fn && item.type <= atomic_load(&g_debug_level)) fn(item.type, item.message);
        free(item.message);
    }
}

static void debug_drop_pending(void) {
    for (int32_t i = 0; i < g_pending_debug_count; i++) free(g_pending_debug[i].message);
    g_pending_debug_count = 0;
}

static void *debug_thread_main(void *unused) {
    (void)unused;
    int32_t count = g_debug_thread_args.count;
    for (int32_t i = 1; i <= count; i++) {
        FnDebugOutput fn = (FnDebugOutput)atomic_load(&g_debug_fn);
        if (!fn) break; /* uninstalled meanwhile: stop calling it */
        if (g_debug_thread_args.type > atomic_load(&g_debug_level)) continue;
        char message[256];
        snprintf(message, sizeof message, "%s %d/%d", g_debug_thread_args.prefix, (int)i, (int)count);
        /* As Steam: the function is called "from a service thread, while we own a mutex". */
        if (g_debug_thread_args.hold_lock) pthread_mutex_lock(&g_networking_lock);
        fn(g_debug_thread_args.type, message);
        if (g_debug_thread_args.hold_lock) pthread_mutex_unlock(&g_networking_lock);
        atomic_fetch_add(&g_debug_thread_delivered, 1);
    }
    atomic_store(&g_debug_thread_state, 2);
    return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Manual dispatch queue                                                                        */

static void queue_callback(int32_t id, const void *data, int32_t size) {
    queued_callback *item = calloc(1, sizeof *item);
    if (!item) return;
    item->data = malloc(size > 0 ? (size_t)size : 1);
    if (!item->data) { free(item); return; }
    if (size > 0) memcpy(item->data, data, (size_t)size);
    item->id = id;
    item->size = size;
    if (g_queue_tail) g_queue_tail->next = item;
    else g_queue_head = item;
    g_queue_tail = item;
    g_queue_length++;
}

static void bury(uint8_t *blob, int32_t size) {
    /* Scribbled, and kept mapped for a while: a use after free reads 0xDD, it does not crash. */
    memset(blob, 0xDD, size > 0 ? (size_t)size : 1);
    free(g_graveyard[g_graveyard_next]);
    g_graveyard[g_graveyard_next] = blob;
    g_graveyard_next = (g_graveyard_next + 1) % GRAVEYARD_SIZE;
}

static void clear_dispatch(void) {
    while (g_queue_head) {
        queued_callback *next = g_queue_head->next;
        free(g_queue_head->data);
        free(g_queue_head);
        g_queue_head = next;
    }
    g_queue_tail = NULL;
    g_queue_length = 0;
    free(g_outstanding);
    g_outstanding = NULL;
    g_outstanding_size = 0;
    for (int i = 0; i < GRAVEYARD_SIZE; i++) { free(g_graveyard[i]); g_graveyard[i] = NULL; }
    g_graveyard_next = 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Relay network model                                                                          */

static void pop_code(uint32_t id, char *out, size_t size) {
    char c[5] = { (char)(id >> 16), (char)(id >> 8), (char)id, (char)(id >> 24), 0 };
    bool plain = c[0] != 0;
    for (int i = 0; i < 4 && c[i]; i++)
        if (!((c[i] >= 'a' && c[i] <= 'z') || (c[i] >= '0' && c[i] <= '9'))) plain = false;
    /* Valve's packing stops at the first NUL; anything after it would not round-trip. */
    for (int i = 0, ended = 0; i < 4; i++) { if (!c[i]) ended = 1; else if (ended) plain = false; }
    if (plain) snprintf(out, size, "%s", c);
    else snprintf(out, size, "#%08" PRIx32, id);
}

static uint32_t pop_id(const char *code) {
    uint32_t c[4] = { 0, 0, 0, 0 };
    for (int i = 0; i < 4 && code[i]; i++) c[i] = (unsigned char)code[i];
    return (c[0] << 16) | (c[1] << 8) | c[2] | (c[3] << 24);
}

static void set_pop(uint32_t id, int32_t direct, uint32_t via, int32_t via_ping) {
    g_pops_changed = true;
    for (int32_t i = 0; i < g_pop_count; i++) {
        if (g_pops[i].id == id) { g_pops[i] = (pop_entry){ id, direct, via, via_ping }; return; }
    }
    if (g_pop_count < MAX_POPS) g_pops[g_pop_count++] = (pop_entry){ id, direct, via, via_ping };
}

static const pop_entry *find_pop(uint32_t id) {
    for (int32_t i = 0; i < g_pop_count; i++) if (g_pops[i].id == id) return &g_pops[i];
    return NULL;
}

/* The best route to a POP: direct, or through the relay POP when that is faster. */
static int32_t best_ping(const pop_entry *pop, uint32_t *via) {
    int32_t ping = pop->direct;
    *via = pop->id;
    if (pop->via != 0 && pop->via_ping >= 0 && (ping < 0 || pop->via_ping < ping)) {
        ping = pop->via_ping;
        *via = pop->via;
    }
    return ping;
}

static void default_world(void) {
    static const struct { const char *code; int32_t ping; } world[] = {
        { "fra", 12 }, { "ams", 18 }, { "par", 21 }, { "lhr", 24 }, { "waw", 30 }, { "mad", 38 },
        { "iad", 92 }, { "ord", 110 }, { "sea", 160 }, { "sgp", 180 }, { "tyo", 240 }, { "syd", 290 },
    };
    g_pop_count = 0;
    g_pops_changed = true;
    for (size_t i = 0; i < sizeof world / sizeof world[0]; i++)
        set_pop(pop_id(world[i].code), world[i].ping, 0, -1);
}

static void queue_status(void) {
    uint8_t blob[RELAY_STATUS_BYTES];
    memset(blob, 0, sizeof blob);
    for (int i = 0; i < 4; i++) write_i32(blob + 4 * i, g_status[i]);
    write_bounded((char *)blob + 16, 256, g_status_message);
    queue_callback(CALLBACK_RELAY_NETWORK_STATUS, blob, RELAY_STATUS_BYTES);
}

static void set_status(int32_t avail, int32_t measuring, int32_t config, int32_t relay, const char *message) {
    g_status[0] = avail;
    g_status[1] = measuring;
    g_status[2] = config;
    g_status[3] = relay;
    write_bounded(g_status_message, sizeof g_status_message, message);
    queue_status();
}

static void start_measuring(void) {
    g_measuring = true;
    g_measure_start_us = g_now_us;
    set_status(g_pings_ready ? AVAIL_CURRENT : AVAIL_ATTEMPTING, 1, g_status[2],
               g_pings_ready ? AVAIL_CURRENT : AVAIL_ATTEMPTING, "Measuring ping times to relays");
    debug_emit(DEBUG_VERBOSE, "[double] pinging %d POPs", (int)g_pop_count);
}

static void start_relay(void) {
    if (g_relay_started) return;
    g_relay_started = true;
    g_relay_start_us = g_now_us;
    g_measuring = true;
    g_measure_start_us = g_now_us;
    set_status(AVAIL_ATTEMPTING, 1, AVAIL_ATTEMPTING, AVAIL_ATTEMPTING, "Fetching network config");
    debug_emit(DEBUG_MSG, "[double] relay network access requested: fetching network config");
}

/* Applies every transition whose time has come (in order), queueing status callbacks. */
static void model_advance(void) {
    if (!g_relay_started) return;
    if (!g_config_ready && g_now_us >= g_relay_start_us + g_config_delay_us) {
        g_config_ready = true;
        set_status(g_status[0], g_status[1], AVAIL_CURRENT, g_status[3], "Network config received");
        debug_emit(DEBUG_VERBOSE, "[double] network config received: %d POPs", (int)g_pop_count);
    }
    if (g_config_ready && g_measuring && g_now_us >= g_measure_start_us + g_ping_delay_us) {
        g_measuring = false;
        g_pings_ready = true;
        g_measured_us = g_measure_start_us + g_ping_delay_us;
        for (int32_t i = 0; i < g_pop_count; i++) {
            char code[16];
            pop_code(g_pops[i].id, code, sizeof code);
            if (g_pops[i].direct < 0) debug_emit(DEBUG_WARNING, "[double] no reply from %s", code);
            else debug_emit(DEBUG_DEBUG, "[double] ping %s = %d ms", code, (int)g_pops[i].direct);
        }
        set_status(AVAIL_CURRENT, 0, AVAIL_CURRENT, AVAIL_CURRENT, "");
        debug_emit(DEBUG_MSG, "[double] ping measurement complete");
    }
}

/* --- ping locations: "RLD1", count, then (uint32 pop, uint16 ping, 2 zero bytes) entries. */
#define LOCATION_MAX_ENTRIES 16

typedef struct { int32_t count; uint32_t pop[LOCATION_MAX_ENTRIES]; int32_t ping[LOCATION_MAX_ENTRIES]; } location_data;

static bool location_decode(const uint8_t *bytes, location_data *out) {
    if (memcmp(bytes, "RLD1", 4) != 0) return false;
    int32_t count = bytes[4];
    if (count < 1 || count > LOCATION_MAX_ENTRIES) return false;
    out->count = count;
    for (int32_t i = 0; i < count; i++) {
        out->pop[i] = read_u32(bytes + 8 + 8 * i);
        out->ping[i] = read_u16(bytes + 12 + 8 * i);
        if (out->ping[i] > 65534) return false;
    }
    return true;
}

static void location_encode(const location_data *data, uint8_t *out) {
    memset(out, 0, PING_LOCATION_BYTES);
    memcpy(out, "RLD1", 4);
    out[4] = (uint8_t)data->count;
    for (int32_t i = 0; i < data->count; i++) {
        write_u32(out + 8 + 8 * i, data->pop[i]);
        write_u16(out + 12 + 8 * i, (uint16_t)data->ping[i]);
    }
}

/*
 * The local location: the nearest POPs that answered, by ping then id. It depends on the POPs
 * only, so it is computed again only after they changed (every estimate from the local host asks).
 */
static void local_location(location_data *out) {
    static location_data cached;
    if (!g_pops_changed) { *out = cached; return; }
    out->count = 0;
    bool used[MAX_POPS] = { false };
    while (out->count < LOCATION_MAX_ENTRIES) {
        int32_t best = -1;
        for (int32_t i = 0; i < g_pop_count; i++) {
            if (used[i] || g_pops[i].direct < 0 || g_pops[i].direct > 65534) continue;
            if (best < 0 || g_pops[i].direct < g_pops[best].direct ||
                (g_pops[i].direct == g_pops[best].direct && g_pops[i].id < g_pops[best].id))
                best = i;
        }
        if (best < 0) break;
        used[best] = true;
        out->pop[out->count] = g_pops[best].id;
        out->ping[out->count] = g_pops[best].direct;
        out->count++;
    }
    cached = *out;
    g_pops_changed = false;
}

static void location_to_string(const location_data *data, char *out, size_t size) {
    size_t o = (size_t)snprintf(out, size, "rld1:");
    for (int32_t i = 0; i < data->count && o < size; i++) {
        char code[16];
        pop_code(data->pop[i], code, sizeof code);
        o += (size_t)snprintf(out + o, size - o, "%s%s=%d", i ? "," : "", code, (int)data->ping[i]);
    }
}

static bool location_parse(const char *text, location_data *out) {
    if (strncmp(text, "rld1:", 5) != 0) return false;
    const char *p = text + 5;
    out->count = 0;
    while (*p) {
        if (out->count == LOCATION_MAX_ENTRIES) return false;
        char code[10];
        size_t n = 0;
        uint32_t id;
        if (*p == '#') {
            p++;
            for (n = 0; n < 8; n++) {
                char c = p[n];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
            }
            memcpy(code, p, 8);
            code[8] = '\0';
            id = (uint32_t)strtoul(code, NULL, 16);
            p += 8;
        } else {
            while (n < 4 && ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' && p[n] <= '9'))) n++;
            if (n == 0) return false;
            memcpy(code, p, n);
            code[n] = '\0';
            id = pop_id(code);
            p += n;
        }
        if (*p++ != '=') return false;
        if (*p < '0' || *p > '9') return false;
        int64_t ping = 0;
        while (*p >= '0' && *p <= '9') {
            ping = ping * 10 + (*p++ - '0');
            if (ping > 65534) return false;
        }
        out->pop[out->count] = id;
        out->ping[out->count] = (int32_t)ping;
        out->count++;
        if (*p == ',') { p++; if (!*p) return false; }
        else if (*p) return false;
    }
    return out->count > 0;
}

/* Through a shared POP when there is one; else both nearest POPs plus a backbone hop of 40 ms. */
static int32_t estimate(const location_data *a, const location_data *b) {
    int32_t best = -1;
    for (int32_t i = 0; i < a->count; i++)
        for (int32_t j = 0; j < b->count; j++)
            if (a->pop[i] == b->pop[j] && (best < 0 || a->ping[i] + b->ping[j] < best)) best = a->ping[i] + b->ping[j];
    if (best >= 0) return best;
    int32_t min_a = a->ping[0], min_b = b->ping[0];
    for (int32_t i = 1; i < a->count; i++) if (a->ping[i] < min_a) min_a = a->ping[i];
    for (int32_t j = 1; j < b->count; j++) if (b->ping[j] < min_b) min_b = b->ping[j];
    return min_a + min_b + 40;
}

/* ------------------------------------------------------------------------------------------ */
/* Config values                                                                                */

static config_entry *find_config(int32_t id) {
    for (int32_t i = 0; i < g_config_count; i++) if (g_config[i].id == id) return &g_config[i];
    return NULL;
}

static bool connection_exists(uint32_t connection) {
    for (int32_t i = 0; i < g_connection_count; i++) if (g_connections[i] == connection) return true;
    return false;
}

static connection_value *find_connection_value(uint32_t connection, int32_t id) {
    for (connection_value *v = g_connection_values; v; v = v->next)
        if (v->connection == connection && v->id == id) return v;
    return NULL;
}

static void remove_connection_values(uint32_t connection, int32_t id /* 0: all */) {
    for (connection_value **link = &g_connection_values; *link;) {
        connection_value *v = *link;
        if (v->connection == connection && (id == 0 || v->id == id)) {
            *link = v->next;
            free(v->value.s);
            free(v);
        } else {
            link = &v->next;
        }
    }
}

static void clear_config(void) {
    for (int32_t i = 0; i < g_config_count; i++) {
        free(g_config[i].default_value.s);
        free(g_config[i].global.s);
    }
    g_config_count = 0;
    while (g_connection_values) {
        connection_value *next = g_connection_values->next;
        free(g_connection_values->value.s);
        free(g_connection_values);
        g_connection_values = next;
    }
    g_connection_count = 0;
    g_next_connection = 0x1001;
}

static config_value copy_value(const config_entry *entry, const config_value *value) {
    config_value copy = *value;
    copy.s = entry->type == TYPE_STRING ? copy_string(value->s ? value->s : "") : NULL;
    return copy;
}

/*
 * Converts pArg of type `data_type` into `entry`'s type, as Steam's AssignConfigValueTyped does,
 * then clamps int32 and float values to the entry's limits. False when it cannot convert.
 */
static bool convert_value(const config_entry *entry, int32_t data_type, const void *arg, config_value *out) {
    memset(out, 0, sizeof *out);
    int32_t i32 = 0;
    int64_t i64 = 0;
    float f = 0;
    const char *s = NULL;
    switch (data_type) {
    case TYPE_INT32: memcpy(&i32, arg, 4); break;
    case TYPE_INT64: memcpy(&i64, arg, 8); break;
    case TYPE_FLOAT: memcpy(&f, arg, 4); break;
    case TYPE_STRING: s = (const char *)arg; break;
    case TYPE_PTR: break;
    default: return false;
    }
    switch (entry->type) {
    case TYPE_INT32:
        if (data_type == TYPE_INT32) out->i32 = i32;
        else if (data_type == TYPE_INT64) { if ((int64_t)(int32_t)i64 != i64) return false; out->i32 = (int32_t)i64; }
        else if (data_type == TYPE_FLOAT) {
            double r = round_half_up((double)f);
            if (!(r >= -2147483648.0 && r <= 2147483647.0)) return false;
            out->i32 = (int32_t)r;
        }
        else if (data_type == TYPE_STRING) { int v; if (sscanf(s, "%d", &v) != 1) return false; out->i32 = v; }
        else return false;
        if (entry->has_limits) {
            if (out->i32 < entry->min) out->i32 = (int32_t)entry->min;
            if (out->i32 > entry->max) out->i32 = (int32_t)entry->max;
        }
        return true;
    case TYPE_INT64:
        if (data_type == TYPE_INT32) out->i64 = i32;
        else if (data_type == TYPE_INT64) out->i64 = i64;
        else if (data_type == TYPE_FLOAT) {
            double r = round_half_up((double)f);
            if (!(r >= -9.2e18 && r <= 9.2e18)) return false;
            out->i64 = (int64_t)r;
        }
        else if (data_type == TYPE_STRING) { long long v; if (sscanf(s, "%lld", &v) != 1) return false; out->i64 = v; }
        else return false;
        return true;
    case TYPE_FLOAT:
        if (data_type == TYPE_INT32) out->f = (float)i32;
        else if (data_type == TYPE_INT64) out->f = (float)i64;
        else if (data_type == TYPE_FLOAT) out->f = f;
        else if (data_type == TYPE_STRING) { float v; if (sscanf(s, "%f", &v) != 1) return false; out->f = v; }
        else return false;
        if (entry->has_limits) {
            if (out->f < entry->min) out->f = (float)entry->min;
            if (out->f > entry->max) out->f = (float)entry->max;
        }
        return true;
    case TYPE_STRING: {
        char text[64];
        if (data_type == TYPE_INT32) snprintf(text, sizeof text, "%d", (int)i32);
        else if (data_type == TYPE_INT64) snprintf(text, sizeof text, "%lld", (long long)i64);
        else if (data_type == TYPE_FLOAT) snprintf(text, sizeof text, "%g", (double)f);
        else if (data_type == TYPE_STRING) { out->s = copy_string(s); return out->s != NULL; }
        else return false;
        out->s = copy_string(text);
        return out->s != NULL;
    }
    default:
        return false;
    }
}

static void free_value(config_value *value) { free(value->s); value->s = NULL; }

/* SetConfigValue's rules (GNS csteamnetworkingsockets.cpp), for a double with no sockets. */
static bool set_config(int32_t id, int32_t scope, int64_t object, int32_t data_type, const void *arg) {
    if (id >= CONFIG_CALLBACK_FIRST && id <= CONFIG_CALLBACK_LAST) {
        /* The global callbacks, kept apart from the table: the SetGlobalCallback_* functions work
           whatever table the tests defined. Only Global scope and pointer values. */
        if (scope != SCOPE_GLOBAL || data_type != TYPE_PTR) return false;
        void *fn = NULL;
        if (arg) memcpy(&fn, arg, sizeof fn);
        g_global_callbacks[id - CONFIG_CALLBACK_FIRST] = fn;
        return true;
    }
    config_entry *entry = find_config(id);
    if (!entry || (entry->flags & FLAG_READ_ONLY)) return false;
    if (scope == SCOPE_GLOBAL) {
        if (!arg) {
            free_value(&entry->global);
            entry->global = copy_value(entry, &entry->default_value);
            return true;
        }
        config_value value;
        if (!convert_value(entry, data_type, arg, &value)) return false;
        free_value(&entry->global);
        entry->global = value;
        return true;
    }
    if (scope != SCOPE_CONNECTION || entry->scope != SCOPE_CONNECTION) return false;
    if (object < 0 || object > UINT32_MAX || !connection_exists((uint32_t)object)) return false;
    uint32_t connection = (uint32_t)object;
    if (!arg) {
        remove_connection_values(connection, id);
        return true;
    }
    config_value value;
    if (!convert_value(entry, data_type, arg, &value)) return false;
    connection_value *slot = find_connection_value(connection, id);
    if (!slot) {
        slot = calloc(1, sizeof *slot);
        if (!slot) { free_value(&value); return false; }
        slot->connection = connection;
        slot->id = id;
        slot->next = g_connection_values;
        g_connection_values = slot;
    } else {
        free_value(&slot->value);
    }
    slot->value = value;
    return true;
}

static const char *fmt_config_arg(int32_t data_type, const void *arg) {
    char *t = temp();
    if (!arg) { snprintf(t, TEMP_SIZE, "NULL"); return t; }
    switch (data_type) {
    case TYPE_INT32: { int32_t v; memcpy(&v, arg, 4); snprintf(t, TEMP_SIZE, "&%d", (int)v); return t; }
    case TYPE_INT64: { int64_t v; memcpy(&v, arg, 8); snprintf(t, TEMP_SIZE, "&%" PRId64, v); return t; }
    case TYPE_FLOAT: { float v; memcpy(&v, arg, 4); snprintf(t, TEMP_SIZE, "&%.9g", (double)v); return t; }
    case TYPE_STRING: return fmt_string((const char *)arg);
    case TYPE_PTR: { void *v; memcpy(&v, arg, sizeof v); snprintf(t, TEMP_SIZE, "&%s", fmt_ptr(v)); return t; }
    default: snprintf(t, TEMP_SIZE, "%s", fmt_ptr(arg)); return t;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Checks common to the ISteamNetworkingUtils functions                                         */

static void enter_utils(const char *name, const void *self) {
    if (!g_initialized) VIOLATION("%s: called while Steam is not initialized", name);
    if (self != &g_utils) VIOLATION("%s: self is %s, not the ISteamNetworkingUtils pointer", name, fmt_self(self));
    model_advance();
}

static bool check_pipe(const char *name, int32_t pipe) {
    if (!g_initialized) { VIOLATION("%s: called while Steam is not initialized", name); return false; }
    if (pipe != 1) { VIOLATION("%s: hSteamPipe is %d, not the pipe GetHSteamPipe returned (1)", name, (int)pipe); return false; }
    if (!g_manual_dispatch) { VIOLATION("%s: called before ManualDispatch_Init", name); return false; }
    return true;
}

/* ------------------------------------------------------------------------------------------ */
/* Init, shutdown, interface, manual dispatch                                                   */

EXPORT int32_t SteamAPI_InitFlat(char *pOutErrMsg) {
    LOG("InitFlat(pOutErrMsg=%s)", fmt_out(pOutErrMsg));
    script_entry *s = script_take("InitFlat");
    if (s) {
        int32_t result = (int32_t)s->ret;
        script_copy_string(s, pOutErrMsg, ERR_MSG_BYTES);
        script_free(s);
        g_initialized = result == 0;
        return result;
    }
    if (g_init_fail_result != 0) {
        write_bounded(pOutErrMsg, ERR_MSG_BYTES, g_init_fail_message);
        return g_init_fail_result;
    }
    if (g_initialized) VIOLATION("InitFlat: called again without Shutdown");
    write_bounded(pOutErrMsg, ERR_MSG_BYTES, "");
    g_initialized = true;
    return 0;
}

EXPORT void SteamAPI_Shutdown(void) {
    LOG("Shutdown()");
    g_shutdown_count++;
    g_initialized = false;
    g_manual_dispatch = false;
    /* Steam calls nothing after shutdown: its callbacks are forgotten. */
    memset(g_global_callbacks, 0, sizeof g_global_callbacks);
    atomic_store(&g_debug_fn, (uintptr_t)0);
    atomic_store(&g_debug_level, DEBUG_NONE);
    debug_drop_pending();
    clear_dispatch();
}

EXPORT void *SteamAPI_SteamNetworkingUtils_SteamAPI_v004(void) {
    LOG("SteamNetworkingUtils()");
    script_entry *s = script_take("SteamNetworkingUtils");
    if (s) {
        void *p = (void *)(uintptr_t)s->ret;
        script_free(s);
        return p;
    }
    if (!g_initialized || g_interface_null) return NULL;
    return &g_utils;
}

EXPORT int32_t SteamAPI_GetHSteamPipe(void) {
    LOG("GetHSteamPipe()");
    script_entry *s = script_take("GetHSteamPipe");
    if (s) { int32_t r = (int32_t)s->ret; script_free(s); return r; }
    return g_initialized ? 1 : 0;
}

EXPORT void SteamAPI_ManualDispatch_Init(void) {
    LOG("ManualDispatch_Init()");
    if (!g_initialized) VIOLATION("ManualDispatch_Init: called while Steam is not initialized");
    g_manual_dispatch = true;
}

/*
 * Takes the networking lock in its mode, waiting at most its timeout; a wait that expires is
 * recorded as a violation (a real Steam would wait forever). True when the lock was taken.
 */
static bool networking_lock_enter(const char *name) {
    int32_t timeout_ms = atomic_load(&g_networking_lock_timeout_ms);
    if (timeout_ms <= 0) return false;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) { until.tv_sec++; until.tv_nsec -= 1000000000L; }
    if (pthread_mutex_timedlock(&g_networking_lock, &until) == 0) return true;
    VIOLATION("%s: waited %d ms for the networking lock, which the debug output thread holds while "
              "its call to the debug output function waits for this thread (deadlock)", name, (int)timeout_ms);
    return false;
}

EXPORT void SteamAPI_ManualDispatch_RunFrame(int32_t hSteamPipe) {
    LOG("ManualDispatch_RunFrame(hSteamPipe=%d)", (int)hSteamPipe);
    bool locked = networking_lock_enter("ManualDispatch_RunFrame");
    check_pipe("ManualDispatch_RunFrame", hSteamPipe);
    model_advance();
    debug_flush();
    if (locked) pthread_mutex_unlock(&g_networking_lock);
}

EXPORT bool SteamAPI_ManualDispatch_GetNextCallback(int32_t hSteamPipe, uint8_t *pCallbackMsg) {
    LOG("ManualDispatch_GetNextCallback(hSteamPipe=%d,pCallbackMsg=%s)", (int)hSteamPipe, fmt_out(pCallbackMsg));
    if (!check_pipe("ManualDispatch_GetNextCallback", hSteamPipe)) return false;
    if (g_outstanding) {
        VIOLATION("ManualDispatch_GetNextCallback: the previous callback was not freed (call ManualDispatch_FreeLastCallback)");
        return false;
    }
    if (!g_queue_head || !pCallbackMsg) return false;
    queued_callback *item = g_queue_head;
    g_queue_head = item->next;
    if (!g_queue_head) g_queue_tail = NULL;
    g_queue_length--;
    g_outstanding = item->data;
    g_outstanding_size = item->size;
    /* CallbackMsg_t: m_hSteamUser@0, m_iCallback@4, m_pubParam@8, m_cubParam@16 (20 or 24 bytes). */
    memset(pCallbackMsg, 0, CALLBACK_PACK == 4 ? 20 : 24);
    write_i32(pCallbackMsg, 1);
    write_i32(pCallbackMsg + 4, item->id);
    write_u64(pCallbackMsg + 8, (uint64_t)(uintptr_t)item->data);
    write_i32(pCallbackMsg + 16, item->size);
    free(item);
    return true;
}

EXPORT void SteamAPI_ManualDispatch_FreeLastCallback(int32_t hSteamPipe) {
    LOG("ManualDispatch_FreeLastCallback(hSteamPipe=%d)", (int)hSteamPipe);
    if (!check_pipe("ManualDispatch_FreeLastCallback", hSteamPipe)) return;
    if (!g_outstanding) {
        VIOLATION("ManualDispatch_FreeLastCallback: no callback to free");
        return;
    }
    bury(g_outstanding, g_outstanding_size);
    g_outstanding = NULL;
    g_outstanding_size = 0;
}

EXPORT bool SteamAPI_ManualDispatch_GetAPICallResult(int32_t hSteamPipe, uint64_t hSteamAPICall, void *pCallback,
                                                     int32_t cubCallback, int32_t iCallbackExpected, bool *pbFailed) {
    LOG("ManualDispatch_GetAPICallResult(hSteamPipe=%d,hSteamAPICall=%" PRIu64 ",pCallback=%s,cubCallback=%d,iCallbackExpected=%d,pbFailed=%s)",
        (int)hSteamPipe, hSteamAPICall, fmt_out(pCallback), (int)cubCallback, (int)iCallbackExpected, fmt_out(pbFailed));
    check_pipe("ManualDispatch_GetAPICallResult", hSteamPipe);
    script_entry *s = script_take("ManualDispatch_GetAPICallResult");
    if (!s) return false; /* no API calls are ever made through this double */
    bool result = s->ret != 0;
    script_copy_bytes(s, pCallback, cubCallback, false);
    if (pbFailed) *pbFailed = s->aux != 0;
    script_free(s);
    return result;
}

/* ------------------------------------------------------------------------------------------ */
/* ISteamNetworkingUtils                                                                        */

#define UTILS(name) SteamAPI_ISteamNetworkingUtils_##name

static void release_message(void *message) {
    if (!message) return;
    void *data;
    memcpy(&data, message, sizeof data);
    free(data);
    free(message);
    g_live_messages--;
}

EXPORT void *UTILS(AllocateMessage)(void *self, int32_t cbAllocateBuffer) {
    LOG("AllocateMessage(self=%s,cbAllocateBuffer=%d)", fmt_self(self), (int)cbAllocateBuffer);
    enter_utils("AllocateMessage", self);
    script_entry *s = script_take("AllocateMessage");
    if (s) { void *p = (void *)(uintptr_t)s->ret; script_free(s); return p; }
    if (cbAllocateBuffer < 0) return NULL;
    uint8_t *message = calloc(1, MESSAGE_STRUCT_BYTES);
    if (!message) return NULL;
    void *data = cbAllocateBuffer > 0 ? calloc(1, (size_t)cbAllocateBuffer) : NULL;
    if (cbAllocateBuffer > 0 && !data) { free(message); return NULL; }
    void (*release)(void *) = release_message;
    /* SteamNetworkingMessage_t: m_pData@0, m_cbSize@8, m_pfnRelease@184. */
    memcpy(message, &data, sizeof data);
    write_i32(message + 8, cbAllocateBuffer);
    memcpy(message + 184, &release, sizeof release);
    g_live_messages++;
    return message;
}

EXPORT void UTILS(InitRelayNetworkAccess)(void *self) {
    LOG("InitRelayNetworkAccess(self=%s)", fmt_self(self));
    enter_utils("InitRelayNetworkAccess", self);
    start_relay();
    model_advance();
    debug_flush();
}

EXPORT int32_t UTILS(GetRelayNetworkStatus)(void *self, uint8_t *pDetails) {
    LOG("GetRelayNetworkStatus(self=%s,pDetails=%s)", fmt_self(self), fmt_out(pDetails));
    enter_utils("GetRelayNetworkStatus", self);
    script_entry *s = script_take("GetRelayNetworkStatus");
    if (s) {
        int32_t r = (int32_t)s->ret;
        script_copy_bytes(s, pDetails, RELAY_STATUS_BYTES, true);
        script_free(s);
        return r;
    }
    if (pDetails) {
        memset(pDetails, 0, RELAY_STATUS_BYTES);
        for (int i = 0; i < 4; i++) write_i32(pDetails + 4 * i, g_status[i]);
        write_bounded((char *)pDetails + 16, 256, g_status_message);
    }
    return g_status[0];
}

EXPORT float UTILS(GetLocalPingLocation)(void *self, uint8_t *result) {
    LOG("GetLocalPingLocation(self=%s,result=%s)", fmt_self(self), fmt_out(result));
    enter_utils("GetLocalPingLocation", self);
    script_entry *s = script_take("GetLocalPingLocation");
    if (s) {
        float r = (float)s->fret;
        script_copy_bytes(s, result, PING_LOCATION_BYTES, true);
        script_free(s);
        return r;
    }
    if (!g_pings_ready) {
        if (result) memset(result, 0, PING_LOCATION_BYTES);
        return -1.0f;
    }
    location_data local;
    local_location(&local);
    if (local.count == 0) {
        if (result) memset(result, 0, PING_LOCATION_BYTES);
        return -1.0f;
    }
    if (result) location_encode(&local, result);
    return (float)((double)(g_now_us - g_measured_us) / 1e6);
}

EXPORT int32_t UTILS(EstimatePingTimeBetweenTwoLocations)(void *self, const uint8_t *location1, const uint8_t *location2) {
    LOG("EstimatePingTimeBetweenTwoLocations(self=%s,location1=%s,location2=%s)", fmt_self(self),
        fmt_location(location1), fmt_location(location2));
    enter_utils("EstimatePingTimeBetweenTwoLocations", self);
    script_entry *s = script_take("EstimatePingTimeBetweenTwoLocations");
    if (s) { int32_t r = (int32_t)s->ret; script_free(s); return r; }
    location_data a, b;
    if (!location1 || !location2 || !location_decode(location1, &a) || !location_decode(location2, &b)) return PING_UNKNOWN;
    return estimate(&a, &b);
}

EXPORT int32_t UTILS(EstimatePingTimeFromLocalHost)(void *self, const uint8_t *remoteLocation) {
    LOG("EstimatePingTimeFromLocalHost(self=%s,remoteLocation=%s)", fmt_self(self), fmt_location(remoteLocation));
    enter_utils("EstimatePingTimeFromLocalHost", self);
    script_entry *s = script_take("EstimatePingTimeFromLocalHost");
    if (s) { int32_t r = (int32_t)s->ret; script_free(s); return r; }
    location_data local, remote;
    if (!g_pings_ready) return PING_UNKNOWN;
    local_location(&local);
    if (local.count == 0 || !remoteLocation || !location_decode(remoteLocation, &remote)) return PING_UNKNOWN;
    return estimate(&local, &remote);
}

EXPORT void UTILS(ConvertPingLocationToString)(void *self, const uint8_t *location, char *pszBuf, int32_t cchBufSize) {
    LOG("ConvertPingLocationToString(self=%s,location=%s,pszBuf=%s,cchBufSize=%d)", fmt_self(self),
        fmt_location(location), fmt_out(pszBuf), (int)cchBufSize);
    enter_utils("ConvertPingLocationToString", self);
    script_entry *s = script_take("ConvertPingLocationToString");
    if (s) { script_copy_string(s, pszBuf, cchBufSize); script_free(s); return; }
    location_data data;
    char text[1024] = "";
    if (location && location_decode(location, &data)) location_to_string(&data, text, sizeof text);
    write_bounded(pszBuf, cchBufSize, text);
}

EXPORT bool UTILS(ParsePingLocationString)(void *self, const char *pszString, uint8_t *result) {
    LOG("ParsePingLocationString(self=%s,pszString=%s,result=%s)", fmt_self(self), fmt_string(pszString), fmt_out(result));
    enter_utils("ParsePingLocationString", self);
    script_entry *s = script_take("ParsePingLocationString");
    if (s) {
        bool r = s->ret != 0;
        script_copy_bytes(s, result, PING_LOCATION_BYTES, true);
        script_free(s);
        return r;
    }
    location_data data;
    if (!pszString || !location_parse(pszString, &data)) {
        if (result) memset(result, 0, PING_LOCATION_BYTES);
        return false;
    }
    if (result) location_encode(&data, result);
    return true;
}

EXPORT bool UTILS(CheckPingDataUpToDate)(void *self, float flMaxAgeSeconds) {
    LOG("CheckPingDataUpToDate(self=%s,flMaxAgeSeconds=%.9g)", fmt_self(self), (double)flMaxAgeSeconds);
    enter_utils("CheckPingDataUpToDate", self);
    script_entry *s = script_take("CheckPingDataUpToDate");
    if (s) { bool r = s->ret != 0; script_free(s); return r; }
    bool fresh = false;
    if (!g_relay_started) {
        start_relay();
    } else if (g_pings_ready && (double)(g_now_us - g_measured_us) <= (double)flMaxAgeSeconds * 1e6) {
        fresh = true;
    } else if (!g_measuring) {
        start_measuring();
    }
    debug_flush();
    return fresh;
}

EXPORT int32_t UTILS(GetPingToDataCenter)(void *self, uint32_t popID, uint32_t *pViaRelayPoP) {
    LOG("GetPingToDataCenter(self=%s,popID=%" PRIu32 ",pViaRelayPoP=%s)", fmt_self(self), popID, fmt_out(pViaRelayPoP));
    enter_utils("GetPingToDataCenter", self);
    script_entry *s = script_take("GetPingToDataCenter");
    if (s) {
        int32_t r = (int32_t)s->ret;
        if (pViaRelayPoP) *pViaRelayPoP = (uint32_t)s->aux;
        script_free(s);
        return r;
    }
    const pop_entry *pop = g_pings_ready ? find_pop(popID) : NULL;
    uint32_t via = 0;
    int32_t ping = pop ? best_ping(pop, &via) : PING_UNKNOWN;
    if (ping < 0) via = 0;
    if (pViaRelayPoP) *pViaRelayPoP = via;
    return ping;
}

EXPORT int32_t UTILS(GetDirectPingToPOP)(void *self, uint32_t popID) {
    LOG("GetDirectPingToPOP(self=%s,popID=%" PRIu32 ")", fmt_self(self), popID);
    enter_utils("GetDirectPingToPOP", self);
    script_entry *s = script_take("GetDirectPingToPOP");
    if (s) { int32_t r = (int32_t)s->ret; script_free(s); return r; }
    const pop_entry *pop = g_pings_ready ? find_pop(popID) : NULL;
    return pop ? pop->direct : PING_UNKNOWN;
}

EXPORT int32_t UTILS(GetPOPCount)(void *self) {
    LOG("GetPOPCount(self=%s)", fmt_self(self));
    enter_utils("GetPOPCount", self);
    script_entry *s = script_take("GetPOPCount");
    if (s) { int32_t r = (int32_t)s->ret; script_free(s); return r; }
    return g_config_ready ? g_pop_count : 0;
}

EXPORT int32_t UTILS(GetPOPList)(void *self, uint32_t *list, int32_t nListSz) {
    LOG("GetPOPList(self=%s,list=%s,nListSz=%d)", fmt_self(self), fmt_out(list), (int)nListSz);
    enter_utils("GetPOPList", self);
    script_entry *s = script_take("GetPOPList");
    if (s) {
        int32_t r = (int32_t)s->ret;
        if (list && nListSz > 0) script_copy_bytes(s, list, (int64_t)nListSz * 4, false);
        script_free(s);
        return r;
    }
    if (!g_config_ready || !list || nListSz <= 0) return 0;
    int32_t count = g_pop_count < nListSz ? g_pop_count : nListSz;
    for (int32_t i = 0; i < count; i++) list[i] = g_pops[i].id;
    return count;
}

EXPORT int64_t UTILS(GetLocalTimestamp)(void *self) {
    LOG("GetLocalTimestamp(self=%s)", fmt_self(self));
    enter_utils("GetLocalTimestamp", self);
    script_entry *s = script_take("GetLocalTimestamp");
    if (s) { int64_t r = s->ret; script_free(s); return r; }
    return INITIAL_TIMESTAMP_US + g_now_us;
}

EXPORT void UTILS(SetDebugOutputFunction)(void *self, int32_t eDetailLevel, FnDebugOutput pfnFunc) {
    LOG("SetDebugOutputFunction(self=%s,eDetailLevel=%d,pfnFunc=%s)", fmt_self(self), (int)eDetailLevel,
        fmt_ptr((const void *)(uintptr_t)pfnFunc));
    enter_utils("SetDebugOutputFunction", self);
    /* As Steam: installed only with a function and a level above None; otherwise cleared. */
    if (pfnFunc && eDetailLevel > DEBUG_NONE) {
        atomic_store(&g_debug_level, eDetailLevel);
        atomic_store(&g_debug_fn, (uintptr_t)pfnFunc);
    } else {
        atomic_store(&g_debug_fn, (uintptr_t)0);
        atomic_store(&g_debug_level, DEBUG_NONE);
        debug_drop_pending();
    }
}

static int32_t fake_ip_type(uint32_t ip) {
    if (ip < FAKEIP_MIN || ip > FAKEIP_MAX) return FAKEIP_NOT_FAKE;
    return ip < FAKEIP_MIN_LOCAL ? FAKEIP_GLOBAL : FAKEIP_LOCAL;
}

EXPORT bool UTILS(IsFakeIPv4)(void *self, uint32_t nIPv4) {
    LOG("IsFakeIPv4(self=%s,nIPv4=%" PRIu32 ")", fmt_self(self), nIPv4);
    enter_utils("IsFakeIPv4", self);
    script_entry *s = script_take("IsFakeIPv4");
    if (s) { bool r = s->ret != 0; script_free(s); return r; }
    return fake_ip_type(nIPv4) > FAKEIP_NOT_FAKE;
}

EXPORT int32_t UTILS(GetIPv4FakeIPType)(void *self, uint32_t nIPv4) {
    LOG("GetIPv4FakeIPType(self=%s,nIPv4=%" PRIu32 ")", fmt_self(self), nIPv4);
    enter_utils("GetIPv4FakeIPType", self);
    script_entry *s = script_take("GetIPv4FakeIPType");
    if (s) { int32_t r = (int32_t)s->ret; script_free(s); return r; }
    return fake_ip_type(nIPv4);
}

EXPORT int32_t UTILS(GetRealIdentityForFakeIP)(void *self, const uint8_t *fakeIP, uint8_t *pOutRealIdentity) {
    LOG("GetRealIdentityForFakeIP(self=%s,fakeIP=%s,pOutRealIdentity=%s)", fmt_self(self), fmt_ipaddr(fakeIP),
        fmt_out(pOutRealIdentity));
    enter_utils("GetRealIdentityForFakeIP", self);
    script_entry *s = script_take("GetRealIdentityForFakeIP");
    if (s) {
        int32_t r = (int32_t)s->ret;
        script_copy_bytes(s, pOutRealIdentity, IDENTITY_BYTES_SIZE, true);
        script_free(s);
        return r;
    }
    if (pOutRealIdentity) memset(pOutRealIdentity, 0, IDENTITY_BYTES_SIZE);
    uint32_t ip;
    if (!fakeIP || !ipaddr_ipv4(fakeIP, &ip) || fake_ip_type(ip) == FAKEIP_NOT_FAKE) return RESULT_INVALID_PARAM;
    uint16_t port = read_u16(fakeIP + 16);
    for (int32_t i = 0; i < g_fake_ip_count; i++) {
        if (g_fake_ips[i].ip == ip && (g_fake_ips[i].port == port || g_fake_ips[i].port == 0)) {
            if (pOutRealIdentity) {
                write_i32(pOutRealIdentity, IDENTITY_STEAMID);
                write_i32(pOutRealIdentity + 4, 8);
                write_u64(pOutRealIdentity + 8, g_fake_ips[i].steam_id);
            }
            return RESULT_OK;
        }
    }
    return RESULT_NO_MATCH;
}

/* The scripted result when there is one (then nothing is set), else `set_config`'s. */
#define SET_CONFIG(name, id, scope, object, type, arg) \
    do { \
        script_entry *s_ = script_take(name); \
        if (s_) { bool r_ = s_->ret != 0; script_free(s_); return r_; } \
        return set_config(id, scope, object, type, arg); \
    } while (0)

EXPORT bool UTILS(SetGlobalConfigValueInt32)(void *self, int32_t eValue, int32_t val) {
    LOG("SetGlobalConfigValueInt32(self=%s,eValue=%d,val=%d)", fmt_self(self), (int)eValue, (int)val);
    enter_utils("SetGlobalConfigValueInt32", self);
    SET_CONFIG("SetGlobalConfigValueInt32", eValue, SCOPE_GLOBAL, 0, TYPE_INT32, &val);
}

EXPORT bool UTILS(SetGlobalConfigValueFloat)(void *self, int32_t eValue, float val) {
    LOG("SetGlobalConfigValueFloat(self=%s,eValue=%d,val=%.9g)", fmt_self(self), (int)eValue, (double)val);
    enter_utils("SetGlobalConfigValueFloat", self);
    SET_CONFIG("SetGlobalConfigValueFloat", eValue, SCOPE_GLOBAL, 0, TYPE_FLOAT, &val);
}

EXPORT bool UTILS(SetGlobalConfigValueString)(void *self, int32_t eValue, const char *val) {
    LOG("SetGlobalConfigValueString(self=%s,eValue=%d,val=%s)", fmt_self(self), (int)eValue, fmt_string(val));
    enter_utils("SetGlobalConfigValueString", self);
    SET_CONFIG("SetGlobalConfigValueString", eValue, SCOPE_GLOBAL, 0, TYPE_STRING, val);
}

EXPORT bool UTILS(SetGlobalConfigValuePtr)(void *self, int32_t eValue, void *val) {
    LOG("SetGlobalConfigValuePtr(self=%s,eValue=%d,val=%s)", fmt_self(self), (int)eValue, fmt_ptr(val));
    enter_utils("SetGlobalConfigValuePtr", self);
    SET_CONFIG("SetGlobalConfigValuePtr", eValue, SCOPE_GLOBAL, 0, TYPE_PTR, &val);
}

EXPORT bool UTILS(SetConnectionConfigValueInt32)(void *self, uint32_t hConn, int32_t eValue, int32_t val) {
    LOG("SetConnectionConfigValueInt32(self=%s,hConn=%" PRIu32 ",eValue=%d,val=%d)", fmt_self(self), hConn, (int)eValue, (int)val);
    enter_utils("SetConnectionConfigValueInt32", self);
    SET_CONFIG("SetConnectionConfigValueInt32", eValue, SCOPE_CONNECTION, hConn, TYPE_INT32, &val);
}

EXPORT bool UTILS(SetConnectionConfigValueFloat)(void *self, uint32_t hConn, int32_t eValue, float val) {
    LOG("SetConnectionConfigValueFloat(self=%s,hConn=%" PRIu32 ",eValue=%d,val=%.9g)", fmt_self(self), hConn, (int)eValue, (double)val);
    enter_utils("SetConnectionConfigValueFloat", self);
    SET_CONFIG("SetConnectionConfigValueFloat", eValue, SCOPE_CONNECTION, hConn, TYPE_FLOAT, &val);
}

EXPORT bool UTILS(SetConnectionConfigValueString)(void *self, uint32_t hConn, int32_t eValue, const char *val) {
    LOG("SetConnectionConfigValueString(self=%s,hConn=%" PRIu32 ",eValue=%d,val=%s)", fmt_self(self), hConn, (int)eValue, fmt_string(val));
    enter_utils("SetConnectionConfigValueString", self);
    SET_CONFIG("SetConnectionConfigValueString", eValue, SCOPE_CONNECTION, hConn, TYPE_STRING, val);
}

#define SET_GLOBAL_CALLBACK(name, id) \
    EXPORT bool UTILS(name)(void *self, void *fnCallback) { \
        LOG(#name "(self=%s,fnCallback=%s)", fmt_self(self), fmt_ptr(fnCallback)); \
        enter_utils(#name, self); \
        SET_CONFIG(#name, id, SCOPE_GLOBAL, 0, TYPE_PTR, &fnCallback); \
    }

SET_GLOBAL_CALLBACK(SetGlobalCallback_SteamNetConnectionStatusChanged, 201)
SET_GLOBAL_CALLBACK(SetGlobalCallback_SteamNetAuthenticationStatusChanged, 202)
SET_GLOBAL_CALLBACK(SetGlobalCallback_SteamRelayNetworkStatusChanged, 203)
SET_GLOBAL_CALLBACK(SetGlobalCallback_MessagesSessionRequest, 204)
SET_GLOBAL_CALLBACK(SetGlobalCallback_MessagesSessionFailed, 205)
SET_GLOBAL_CALLBACK(SetGlobalCallback_FakeIPResult, 207)

EXPORT bool UTILS(SetConfigValue)(void *self, int32_t eValue, int32_t eScopeType, intptr_t scopeObj, int32_t eDataType, const void *pArg) {
    LOG("SetConfigValue(self=%s,eValue=%d,eScopeType=%d,scopeObj=%" PRIdPTR ",eDataType=%d,pArg=%s)", fmt_self(self),
        (int)eValue, (int)eScopeType, scopeObj, (int)eDataType, fmt_config_arg(eDataType, pArg));
    enter_utils("SetConfigValue", self);
    SET_CONFIG("SetConfigValue", eValue, eScopeType, scopeObj, eDataType, pArg);
}

EXPORT bool UTILS(SetConfigValueStruct)(void *self, const uint8_t *opt, int32_t eScopeType, intptr_t scopeObj) {
    /* SteamNetworkingConfigValue_t: m_eValue@0, m_eDataType@4, m_val@8 (a char * for strings). */
    int32_t value = read_i32(opt), type = read_i32(opt + 4);
    const void *arg = opt + 8;
    if (type == TYPE_STRING) { const char *text; memcpy(&text, opt + 8, sizeof text); arg = text; }
    LOG("SetConfigValueStruct(self=%s,opt={eValue=%d,eDataType=%d,val=%s},eScopeType=%d,scopeObj=%" PRIdPTR ")", fmt_self(self),
        (int)value, (int)type, fmt_config_arg(type, arg), (int)eScopeType, scopeObj);
    enter_utils("SetConfigValueStruct", self);
    SET_CONFIG("SetConfigValueStruct", value, eScopeType, scopeObj, type, arg);
}

static int32_t value_size(const config_entry *entry, const config_value *value) {
    switch (entry->type) {
    case TYPE_INT32: case TYPE_FLOAT: return 4;
    case TYPE_INT64: case TYPE_PTR: return 8;
    default: return (int32_t)strlen(value->s ? value->s : "") + 1;
    }
}

static void value_bytes(const config_entry *entry, const config_value *value, uint8_t *out) {
    switch (entry->type) {
    case TYPE_INT32: memcpy(out, &value->i32, 4); return;
    case TYPE_FLOAT: memcpy(out, &value->f, 4); return;
    case TYPE_INT64: memcpy(out, &value->i64, 8); return;
    default: { const char *s = value->s ? value->s : ""; memcpy(out, s, strlen(s) + 1); return; }
    }
}

/* Copies `size` bytes of a value when they fit *cbResult; always reports the size needed. */
static int32_t answer_value(int32_t result, const uint8_t *bytes, int32_t size, void *pResult, size_t *cbResult) {
    if (!cbResult) { VIOLATION("GetConfigValue: cbResult is NULL (Steam dereferences it)"); return GET_BUFFER_TOO_SMALL; }
    if (!pResult || *cbResult < (size_t)size) { *cbResult = (size_t)size; return GET_BUFFER_TOO_SMALL; }
    memcpy(pResult, bytes, (size_t)size);
    *cbResult = (size_t)size;
    return result;
}


/* Where a config value is read at a scope: false for a scope or object that does not resolve. */
static bool resolve_scope(const config_entry *entry, int32_t scope, int64_t object, const config_value **value,
                          int32_t *result) {
    if (scope == SCOPE_GLOBAL) { *value = &entry->global; *result = GET_OK; return true; }
    if (scope != SCOPE_CONNECTION || entry->scope != SCOPE_CONNECTION) return false;
    if (object < 0 || object > UINT32_MAX || !connection_exists((uint32_t)object)) return false;
    connection_value *set = find_connection_value((uint32_t)object, entry->id);
    if (set) { *value = &set->value; *result = GET_OK; }
    else { *value = &entry->global; *result = GET_OK_INHERITED; } /* a connection inherits the global value */
    return true;
}

EXPORT int32_t UTILS(GetConfigValue)(void *self, int32_t eValue, int32_t eScopeType, intptr_t scopeObj, int32_t *pOutDataType,
                                     void *pResult, size_t *cbResult) {
    char size_text[32] = "NULL";
    if (cbResult) snprintf(size_text, sizeof size_text, "%zu", *cbResult);
    LOG("GetConfigValue(self=%s,eValue=%d,eScopeType=%d,scopeObj=%" PRIdPTR ",pOutDataType=%s,pResult=%s,*cbResult=%s)",
        fmt_self(self), (int)eValue, (int)eScopeType, scopeObj, fmt_out(pOutDataType), fmt_out(pResult), size_text);
    enter_utils("GetConfigValue", self);
    script_entry *s = script_take("GetConfigValue");
    if (s) {
        /* Scripted: aux is the data type, the bytes the value, ret the result. */
        int32_t r = (int32_t)s->ret;
        int32_t size = s->byte_count > 0 ? s->byte_count : 0;
        if (pOutDataType) *pOutDataType = (int32_t)s->aux;
        if (cbResult) {
            if (pResult && (r == GET_OK || r == GET_OK_INHERITED))
                memcpy(pResult, s->bytes, *cbResult < (size_t)size ? *cbResult : (size_t)size);
            *cbResult = (size_t)size;
        }
        script_free(s);
        return r;
    }
    config_entry *entry = find_config(eValue);
    if (!entry) return GET_BAD_VALUE; /* neither output is touched */
    const config_value *value;
    int32_t result;
    uint8_t bytes[8];
    if (entry->flags & FLAG_READ_ONLY) {
        /* MTU_DataSize: computed from MTU_PacketSize at the scope asked; the data type is not written. */
        if (!resolve_scope(entry, eScopeType, scopeObj, &value, &result)) { if (cbResult) *cbResult = 0; return GET_BAD_SCOPE_OBJ; }
        int32_t computed = entry->default_value.i32;
        config_entry *packet = find_config(CONFIG_MTU_PACKET_SIZE);
        const config_value *packet_value;
        int32_t packet_result;
        if (packet && resolve_scope(packet, eScopeType, scopeObj, &packet_value, &packet_result)) {
            computed = packet_value->i32 - 100;
            if (computed < 0) computed = 0;
        }
        memcpy(bytes, &computed, 4);
        return answer_value(GET_OK, bytes, 4, pResult, cbResult);
    }
    if (pOutDataType) *pOutDataType = entry->type;
    if (!resolve_scope(entry, eScopeType, scopeObj, &value, &result)) {
        if (cbResult) *cbResult = 0;
        return GET_BAD_SCOPE_OBJ;
    }
    if (entry->type == TYPE_PTR) {
        uint64_t pointer = entry->id >= CONFIG_CALLBACK_FIRST && entry->id <= CONFIG_CALLBACK_LAST
            ? (uint64_t)(uintptr_t)g_global_callbacks[entry->id - CONFIG_CALLBACK_FIRST] : 0;
        write_u64(bytes, pointer);
        return answer_value(result, bytes, 8, pResult, cbResult);
    }
    int32_t size = value_size(entry, value);
    uint8_t *copy = malloc((size_t)size);
    if (!copy) return GET_BUFFER_TOO_SMALL;
    value_bytes(entry, value, copy);
    int32_t answer = answer_value(result, copy, size, pResult, cbResult);
    free(copy);
    return answer;
}

EXPORT const char *UTILS(GetConfigValueInfo)(void *self, int32_t eValue, int32_t *pOutDataType, int32_t *pOutScope) {
    LOG("GetConfigValueInfo(self=%s,eValue=%d,pOutDataType=%s,pOutScope=%s)", fmt_self(self), (int)eValue,
        fmt_out(pOutDataType), fmt_out(pOutScope));
    enter_utils("GetConfigValueInfo", self);
    script_entry *s = script_take("GetConfigValueInfo");
    if (s) {
        const char *name = NULL;
        if (s->ret != 0) {
            script_copy_string(s, g_scripted_name, sizeof g_scripted_name);
            if (pOutDataType) *pOutDataType = (int32_t)s->aux;
            if (pOutScope) *pOutScope = (int32_t)s->aux2;
            name = g_scripted_name;
        }
        script_free(s);
        return name;
    }
    config_entry *entry = find_config(eValue);
    if (!entry || (entry->flags & FLAG_NOT_LISTED)) return NULL; /* outputs untouched */
    if (pOutDataType) *pOutDataType = entry->type;
    if (pOutScope) *pOutScope = entry->scope;
    return entry->name;
}

EXPORT int32_t UTILS(IterateGenericEditableConfigValues)(void *self, int32_t eCurrent, bool bEnumerateDevVars) {
    LOG("IterateGenericEditableConfigValues(self=%s,eCurrent=%d,bEnumerateDevVars=%s)", fmt_self(self), (int)eCurrent,
        fmt_bool(bEnumerateDevVars));
    enter_utils("IterateGenericEditableConfigValues", self);
    script_entry *s = script_take("IterateGenericEditableConfigValues");
    if (s) { int32_t r = (int32_t)s->ret; script_free(s); return r; }
    int32_t start = 0;
    if (eCurrent != 0) {
        config_entry *current = find_config(eCurrent);
        if (!current || (current->flags & FLAG_NOT_LISTED)) return 0; /* not in the table: the walk ends */
        start = (int32_t)(current - g_config) + 1;
    }
    for (int32_t i = start; i < g_config_count; i++) {
        const config_entry *entry = &g_config[i];
        if (entry->type == TYPE_PTR || !(entry->flags & FLAG_GENERIC_EDITABLE) || (entry->flags & FLAG_NOT_LISTED)) continue;
        if ((entry->flags & FLAG_DEV_ONLY) && !bEnumerateDevVars) continue;
        return entry->id;
    }
    return 0;
}

/* "a.b.c.d" or "a.b.c.d:port", nothing else. */
static bool parse_ipv4(const char *text, uint32_t *ip, uint16_t *port) {
    uint32_t value = 0;
    const char *p = text;
    for (int part = 0; part < 4; part++) {
        if (part && *p++ != '.') return false;
        if (*p < '0' || *p > '9') return false;
        uint32_t octet = 0;
        int digits = 0;
        while (*p >= '0' && *p <= '9') {
            if (++digits > 3) return false;
            octet = octet * 10 + (uint32_t)(*p++ - '0');
        }
        if (octet > 255) return false;
        value = (value << 8) | octet;
    }
    uint32_t port_value = 0;
    if (*p == ':') {
        p++;
        if (*p < '0' || *p > '9') return false;
        int digits = 0;
        while (*p >= '0' && *p <= '9') {
            if (++digits > 5) return false;
            port_value = port_value * 10 + (uint32_t)(*p++ - '0');
        }
        if (port_value > 65535) return false;
    }
    if (*p) return false;
    *ip = value;
    *port = (uint16_t)port_value;
    return true;
}

static void write_ipv4_addr(uint8_t *addr, uint32_t ip, uint16_t port) {
    memset(addr, 0, IPADDR_BYTES);
    addr[10] = 0xff;
    addr[11] = 0xff;
    addr[12] = (uint8_t)(ip >> 24);
    addr[13] = (uint8_t)(ip >> 16);
    addr[14] = (uint8_t)(ip >> 8);
    addr[15] = (uint8_t)ip;
    write_u16(addr + 16, port);
}

EXPORT void UTILS(SteamNetworkingIPAddr_ToString)(void *self, const uint8_t *addr, char *buf, uint32_t cbBuf, bool bWithPort) {
    LOG("SteamNetworkingIPAddr_ToString(self=%s,addr=%s,buf=%s,cbBuf=%" PRIu32 ",bWithPort=%s)", fmt_self(self),
        fmt_ipaddr(addr), fmt_out(buf), cbBuf, fmt_bool(bWithPort));
    enter_utils("SteamNetworkingIPAddr_ToString", self);
    script_entry *s = script_take("SteamNetworkingIPAddr_ToString");
    if (s) { script_copy_string(s, buf, cbBuf); script_free(s); return; }
    char text[64] = "";
    if (addr) ipaddr_to_string(addr, bWithPort, text, sizeof text);
    write_bounded(buf, cbBuf, text);
}

EXPORT bool UTILS(SteamNetworkingIPAddr_ParseString)(void *self, uint8_t *pAddr, const char *pszStr) {
    LOG("SteamNetworkingIPAddr_ParseString(self=%s,pAddr=%s,pszStr=%s)", fmt_self(self), fmt_out(pAddr), fmt_string(pszStr));
    enter_utils("SteamNetworkingIPAddr_ParseString", self);
    script_entry *s = script_take("SteamNetworkingIPAddr_ParseString");
    if (s) {
        bool r = s->ret != 0;
        script_copy_bytes(s, pAddr, IPADDR_BYTES, true);
        script_free(s);
        return r;
    }
    uint32_t ip;
    uint16_t port;
    if (pAddr) memset(pAddr, 0, IPADDR_BYTES);
    if (!pAddr || !pszStr || !parse_ipv4(pszStr, &ip, &port)) return false; /* this double parses IPv4 only */
    write_ipv4_addr(pAddr, ip, port);
    return true;
}

EXPORT int32_t UTILS(SteamNetworkingIPAddr_GetFakeIPType)(void *self, const uint8_t *addr) {
    LOG("SteamNetworkingIPAddr_GetFakeIPType(self=%s,addr=%s)", fmt_self(self), fmt_ipaddr(addr));
    enter_utils("SteamNetworkingIPAddr_GetFakeIPType", self);
    script_entry *s = script_take("SteamNetworkingIPAddr_GetFakeIPType");
    if (s) { int32_t r = (int32_t)s->ret; script_free(s); return r; }
    uint32_t ip;
    if (!addr || !ipaddr_ipv4(addr, &ip)) return FAKEIP_NOT_FAKE;
    return fake_ip_type(ip);
}

EXPORT void UTILS(SteamNetworkingIdentity_ToString)(void *self, const uint8_t *identity, char *buf, uint32_t cbBuf) {
    LOG("SteamNetworkingIdentity_ToString(self=%s,identity=%s,buf=%s,cbBuf=%" PRIu32 ")", fmt_self(self),
        fmt_identity(identity), fmt_out(buf), cbBuf);
    enter_utils("SteamNetworkingIdentity_ToString", self);
    script_entry *s = script_take("SteamNetworkingIdentity_ToString");
    if (s) { script_copy_string(s, buf, cbBuf); script_free(s); return; }
    char text[160] = "";
    if (identity) identity_to_string(identity, text, sizeof text);
    write_bounded(buf, cbBuf, text);
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* "steamid:<uint64>", "str:<text>", "ip:<a.b.c.d[:port]>", "gen:<hex>"; anything else fails. */
static bool parse_identity(const char *text, uint8_t *out) {
    memset(out, 0, IDENTITY_BYTES_SIZE);
    if (strncmp(text, "steamid:", 8) == 0) {
        const char *p = text + 8;
        if (!*p) return false;
        uint64_t id = 0;
        for (; *p; p++) {
            if (*p < '0' || *p > '9') return false;
            uint64_t digit = (uint64_t)(*p - '0');
            if (id > (UINT64_MAX - digit) / 10) return false;
            id = id * 10 + digit;
        }
        write_i32(out, IDENTITY_STEAMID);
        write_i32(out + 4, 8);
        write_u64(out + 8, id);
        return true;
    }
    if (strncmp(text, "str:", 4) == 0) {
        size_t length = strlen(text + 4);
        if (length == 0 || length > 31) return false;
        write_i32(out, IDENTITY_STRING);
        write_i32(out + 4, (int32_t)length + 1);
        memcpy(out + 8, text + 4, length);
        return true;
    }
    if (strncmp(text, "ip:", 3) == 0) {
        uint32_t ip;
        uint16_t port;
        if (!parse_ipv4(text + 3, &ip, &port)) return false;
        write_i32(out, IDENTITY_IP);
        write_i32(out + 4, IPADDR_BYTES);
        write_ipv4_addr(out + 8, ip, port);
        return true;
    }
    if (strncmp(text, "gen:", 4) == 0) {
        const char *p = text + 4;
        size_t length = strlen(p);
        if (length == 0 || length % 2 || length > 64) return false;
        for (size_t i = 0; i < length; i += 2) {
            int hi = hex_digit(p[i]), lo = hex_digit(p[i + 1]);
            if (hi < 0 || lo < 0) { memset(out, 0, IDENTITY_BYTES_SIZE); return false; }
            out[8 + i / 2] = (uint8_t)(hi << 4 | lo);
        }
        write_i32(out, IDENTITY_BYTES);
        write_i32(out + 4, (int32_t)(length / 2));
        return true;
    }
    return false;
}

EXPORT bool UTILS(SteamNetworkingIdentity_ParseString)(void *self, uint8_t *pIdentity, const char *pszStr) {
    LOG("SteamNetworkingIdentity_ParseString(self=%s,pIdentity=%s,pszStr=%s)", fmt_self(self), fmt_out(pIdentity),
        fmt_string(pszStr));
    enter_utils("SteamNetworkingIdentity_ParseString", self);
    script_entry *s = script_take("SteamNetworkingIdentity_ParseString");
    if (s) {
        bool r = s->ret != 0;
        script_copy_bytes(s, pIdentity, IDENTITY_BYTES_SIZE, true);
        script_free(s);
        return r;
    }
    if (!pIdentity) return false;
    if (!pszStr) { memset(pIdentity, 0, IDENTITY_BYTES_SIZE); return false; }
    return parse_identity(pszStr, pIdentity);
}

/* ------------------------------------------------------------------------------------------ */
/* Control functions for tests (RelaylaneDouble_*): not part of Steam's API.                    */

static void reset_model(void) {
    g_relay_started = g_config_ready = g_measuring = g_pings_ready = false;
    g_relay_start_us = g_measure_start_us = g_measured_us = 0;
    g_config_delay_us = 500000;
    g_ping_delay_us = 2000000;
    g_status[0] = g_status[2] = g_status[3] = AVAIL_NEVER_TRIED;
    g_status[1] = 0;
    g_status_message[0] = '\0';
    default_world();
    g_fake_ip_count = 0;
}

/* Back to the state after loading. Returns -1 (and resets nothing) while the debug thread runs. */
EXPORT int32_t RelaylaneDouble_Reset(void) {
    int32_t thread = atomic_load(&g_debug_thread_state);
    if (thread == 1) return -1;
    if (thread == 2) { pthread_join(g_debug_thread, NULL); atomic_store(&g_debug_thread_state, 0); }
    atomic_store(&g_debug_thread_delivered, 0);
    atomic_store(&g_networking_lock_timeout_ms, 0);
    text_clear(&g_log);
    g_call_log = true;
    text_clear(&g_violations);
    while (g_scripts) { script_entry *next = g_scripts->next; script_free(g_scripts); g_scripts = next; }
    g_scripted_name[0] = '\0';
    g_initialized = false;
    g_init_fail_result = 0;
    g_init_fail_message[0] = '\0';
    g_shutdown_count = 0;
    g_interface_null = false;
    g_manual_dispatch = false;
    g_now_us = 0;
    clear_dispatch();
    memset(g_global_callbacks, 0, sizeof g_global_callbacks);
    atomic_store(&g_debug_fn, (uintptr_t)0);
    atomic_store(&g_debug_level, DEBUG_NONE);
    debug_drop_pending();
    reset_model();
    clear_config();
    return 0;
}

/* The call log, one line per call; returns the size needed (NUL included). */
EXPORT int64_t RelaylaneDouble_ReadLog(char *out, int64_t capacity) { return text_read(&g_log, out, capacity); }

EXPORT void RelaylaneDouble_ClearLog(void) { text_clear(&g_log); }

/*
 * Turns the call log on (nonzero) or off (0): off, calls are not recorded (what was recorded
 * stays readable); violations are recorded either way. On after loading and after every reset.
 */
EXPORT void RelaylaneDouble_SetCallLog(int32_t on) { g_call_log = on != 0; }

/* 1 while the call log records calls, else 0. */
EXPORT int32_t RelaylaneDouble_CallLogEnabled(void) { return g_call_log; }

/*
 * Does nothing and returns 0, with the signature of EstimatePingTimeFromLocalHost (a pointer and a
 * pointer to 512 bytes): what koffi itself costs to make such a call (benchmarks only).
 */
EXPORT int32_t RelaylaneDouble_EmptyLocationCall(void *self, const uint8_t *location) {
    (void)self;
    (void)location;
    return 0;
}

/* The misuse seen so far, one line each; returns the size needed (NUL included). */
EXPORT int64_t RelaylaneDouble_ReadViolations(char *out, int64_t capacity) { return text_read(&g_violations, out, capacity); }

EXPORT void RelaylaneDouble_ClearViolations(void) { text_clear(&g_violations); }

/*
 * Scripts the next call of `function` (the log's name, e.g. "GetDirectPingToPOP"): it returns
 * `ret` (`fret` for GetLocalPingLocation), writes `bytes` (byteCount < 0: none) into its main
 * output, and `aux`/`aux2` into its secondary outputs. Entries of one function are used in order.
 */
EXPORT void RelaylaneDouble_Script(const char *function, int64_t ret, double fret, const uint8_t *bytes, int32_t byteCount,
                                   int64_t aux, int64_t aux2) {
    script_entry *entry = calloc(1, sizeof *entry);
    if (!entry) return;
    snprintf(entry->function, sizeof entry->function, "%s", function ? function : "");
    entry->ret = ret;
    entry->fret = fret;
    entry->aux = aux;
    entry->aux2 = aux2;
    entry->byte_count = -1;
    if (bytes && byteCount >= 0) {
        entry->bytes = malloc(byteCount > 0 ? (size_t)byteCount : 1);
        if (!entry->bytes) { free(entry); return; }
        if (byteCount) memcpy(entry->bytes, bytes, (size_t)byteCount);
        entry->byte_count = byteCount;
    }
    script_entry **link = &g_scripts;
    while (*link) link = &(*link)->next;
    *link = entry;
}

/* How many scripted answers are still unused. */
EXPORT int32_t RelaylaneDouble_PendingScripts(void) {
    int32_t count = 0;
    for (script_entry *s = g_scripts; s; s = s->next) count++;
    return count;
}

/* Every InitFlat fails with `result` and writes `message` (result 0: InitFlat succeeds again). */
EXPORT void RelaylaneDouble_FailInit(int32_t result, const char *message) {
    g_init_fail_result = result;
    write_bounded(g_init_fail_message, sizeof g_init_fail_message, message ? message : "");
}

/* Makes the interface accessor return NULL (as with a Steam client that lacks the interface). */
EXPORT void RelaylaneDouble_SetInterfaceNull(int32_t isNull) { g_interface_null = isNull != 0; }

/* The pointer the interface accessor hands out. */
EXPORT void *RelaylaneDouble_InterfaceAddress(void) { return &g_utils; }

EXPORT int32_t RelaylaneDouble_IsInitialized(void) { return g_initialized; }

EXPORT int32_t RelaylaneDouble_ShutdownCount(void) { return g_shutdown_count; }

EXPORT int32_t RelaylaneDouble_ManualDispatchInitialized(void) { return g_manual_dispatch; }

/* Moves the simulated clock on; nothing is delivered until the next call that looks at the model. */
EXPORT void RelaylaneDouble_AdvanceTime(int64_t milliseconds) {
    if (milliseconds > 0) g_now_us += milliseconds * 1000;
}

/* How long after the first access the network config arrives, and after a measurement starts the pings. */
EXPORT void RelaylaneDouble_SetRelayTimings(int64_t configMilliseconds, int64_t pingMilliseconds) {
    g_config_delay_us = configMilliseconds < 0 ? 0 : configMilliseconds * 1000;
    g_ping_delay_us = pingMilliseconds < 0 ? 0 : pingMilliseconds * 1000;
}

/* Adds or changes a POP: its direct ping (-1: no reply) and a relay route (via 0: none). */
EXPORT void RelaylaneDouble_SetPOP(uint32_t id, int32_t direct, uint32_t via, int32_t viaPing) { set_pop(id, direct, via, viaPing); }

EXPORT void RelaylaneDouble_ClearPOPs(void) { g_pop_count = 0; g_pops_changed = true; }

/* Makes GetRealIdentityForFakeIP answer `steamId` for ip:port (port 0: any port). */
EXPORT void RelaylaneDouble_AddFakeIP(uint32_t ip, uint16_t port, uint64_t steamId) {
    if (g_fake_ip_count < MAX_FAKE_IPS) g_fake_ips[g_fake_ip_count++] = (fake_ip_entry){ ip, port, steamId };
}

/*
 * Defines (or redefines) a config value: flags are 1 dev only, 2 generic editable, 4 read-only
 * (MTU_DataSize), 8 not listed. The default is defaultInt (int32, int64), defaultFloat or
 * defaultString. Returns 0, or -1 when the table is full or the type unknown.
 */
EXPORT int32_t RelaylaneDouble_DefineConfigValue(int32_t id, const char *name, int32_t dataType, int32_t scope, int32_t flags,
                                                 int64_t defaultInt, double defaultFloat, const char *defaultString,
                                                 int32_t hasLimits, double min, double max) {
    if (dataType < TYPE_INT32 || dataType > TYPE_PTR) return -1;
    config_entry *entry = find_config(id);
    if (entry) {
        free(entry->default_value.s);
        free(entry->global.s);
    } else {
        if (g_config_count == MAX_CONFIG) return -1;
        int32_t at = 0;
        while (at < g_config_count && g_config[at].id < id) at++; /* kept sorted by id */
        memmove(&g_config[at + 1], &g_config[at], sizeof g_config[0] * (size_t)(g_config_count - at));
        g_config_count++;
        entry = &g_config[at];
    }
    memset(entry, 0, sizeof *entry);
    entry->id = id;
    snprintf(entry->name, sizeof entry->name, "%s", name ? name : "");
    entry->type = dataType;
    entry->scope = scope;
    entry->flags = flags;
    entry->has_limits = hasLimits != 0;
    entry->min = min;
    entry->max = max;
    entry->default_value.i32 = (int32_t)defaultInt;
    entry->default_value.i64 = defaultInt;
    entry->default_value.f = (float)defaultFloat;
    entry->default_value.s = dataType == TYPE_STRING ? copy_string(defaultString ? defaultString : "") : NULL;
    entry->global = copy_value(entry, &entry->default_value);
    return 0;
}

/* A new connection handle that the connection-scoped config functions accept. */
EXPORT uint32_t RelaylaneDouble_OpenConnection(void) {
    if (g_connection_count == MAX_CONNECTIONS) return 0;
    uint32_t handle = g_next_connection++;
    g_connections[g_connection_count++] = handle;
    return handle;
}

EXPORT int32_t RelaylaneDouble_CloseConnection(uint32_t connection) {
    for (int32_t i = 0; i < g_connection_count; i++) {
        if (g_connections[i] == connection) {
            g_connections[i] = g_connections[--g_connection_count];
            remove_connection_values(connection, 0);
            return 1;
        }
    }
    return 0;
}

/* Queues a callback struct (copied) for manual dispatch. */
EXPORT void RelaylaneDouble_QueueCallback(int32_t id, const uint8_t *data, int32_t size) {
    if (size < 0) return;
    queue_callback(id, data, size);
}

EXPORT int32_t RelaylaneDouble_PendingCallbacks(void) { return g_queue_length; }

/* 1 while a callback handed out by GetNextCallback has not been freed. */
EXPORT int32_t RelaylaneDouble_OutstandingCallback(void) { return g_outstanding != NULL; }

/* The function installed for a global callback config value (201..207), or NULL. */
EXPORT void *RelaylaneDouble_InstalledCallback(int32_t configValue) {
    if (configValue < CONFIG_CALLBACK_FIRST || configValue > CONFIG_CALLBACK_LAST) return NULL;
    return g_global_callbacks[configValue - CONFIG_CALLBACK_FIRST];
}

/*
 * Calls the installed global callback of `configValue` with a copy of `data`, scribbled (0xDD)
 * once it returns. Returns 1 when a callback was installed and called, else 0.
 */
EXPORT int32_t RelaylaneDouble_InvokeGlobalCallback(int32_t configValue, const uint8_t *data, int32_t size) {
    FnStructCallback fn = (FnStructCallback)(uintptr_t)RelaylaneDouble_InstalledCallback(configValue);
    if (!fn || size < 0) return 0;
    uint8_t *copy = malloc(size > 0 ? (size_t)size : 1);
    if (!copy) return 0;
    if (size > 0) memcpy(copy, data, (size_t)size);
    fn(copy);
    bury(copy, size);
    return 1;
}

EXPORT int32_t RelaylaneDouble_DebugOutputLevel(void) { return atomic_load(&g_debug_level); }

EXPORT void *RelaylaneDouble_DebugOutputFunction(void) { return (void *)atomic_load(&g_debug_fn); }

/* Calls the installed debug output function now, on this thread; 1 if it was called. */
EXPORT int32_t RelaylaneDouble_EmitDebugOutput(int32_t type, const char *message) {
    FnDebugOutput fn = (FnDebugOutput)atomic_load(&g_debug_fn);
    if (!fn || type > atomic_load(&g_debug_level)) return 0;
    fn(type, message ? message : "");
    return 1;
}

/*
 * Starts a thread that calls the installed debug output function `count` times with `type` and
 * "<prefix> i/count" (skipped when the level filters `type` out; stops if the function is
 * uninstalled). Returns 1, or 0 when a previous thread was not joined or it could not start.
 * The JavaScript event loop must run for the calls to complete: join only once they arrived.
 */
EXPORT int32_t RelaylaneDouble_StartDebugOutputThread(int32_t count, int32_t type, const char *prefix) {
    if (atomic_load(&g_debug_thread_state) != 0) return 0;
    g_debug_thread_args.count = count;
    g_debug_thread_args.type = type;
    g_debug_thread_args.hold_lock = atomic_load(&g_networking_lock_timeout_ms) > 0;
    snprintf(g_debug_thread_args.prefix, sizeof g_debug_thread_args.prefix, "%s", prefix ? prefix : "");
    atomic_store(&g_debug_thread_delivered, 0);
    atomic_store(&g_debug_thread_state, 1);
    if (pthread_create(&g_debug_thread, NULL, debug_thread_main, NULL) != 0) {
        atomic_store(&g_debug_thread_state, 0);
        return 0;
    }
    return 1;
}

/*
 * The networking lock mode: with `timeout_ms` > 0, debug output threads started afterwards hold
 * the lock during each call of the debug output function, and ManualDispatch_RunFrame takes it,
 * waiting at most `timeout_ms` (then it records a violation and runs without it). 0 turns it off
 * (Reset does too).
 */
EXPORT void RelaylaneDouble_SetNetworkingLockTimeout(int32_t timeout_ms) {
    atomic_store(&g_networking_lock_timeout_ms, timeout_ms > 0 ? timeout_ms : 0);
}

EXPORT int32_t RelaylaneDouble_DebugOutputThreadDelivered(void) { return atomic_load(&g_debug_thread_delivered); }

/* 1 while the debug output thread runs, 2 when it finished and waits to be joined, 0 otherwise. */
EXPORT int32_t RelaylaneDouble_DebugOutputThreadState(void) { return atomic_load(&g_debug_thread_state); }

/* Waits for the debug output thread; returns how many calls it made, or -1 when none was started. */
EXPORT int32_t RelaylaneDouble_JoinDebugOutputThread(void) {
    if (atomic_load(&g_debug_thread_state) == 0) return -1;
    pthread_join(g_debug_thread, NULL);
    atomic_store(&g_debug_thread_state, 0);
    return atomic_load(&g_debug_thread_delivered);
}

/* Messages from AllocateMessage not yet released through their m_pfnRelease. */
EXPORT int64_t RelaylaneDouble_LiveMessages(void) { return g_live_messages; }

/* The state after loading: a Reset that cannot fail (no thread exists yet). */
__attribute__((constructor)) static void relaylane_double_load(void) { RelaylaneDouble_Reset(); }
