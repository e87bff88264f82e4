"""Draws the five tab-bar icons (81×81 PNG, normal and selected) with plain geometry.

WeChat's tabBar needs local PNG files (no icon fonts, ≤ 40 KB each); drawing them here keeps
them small, sharp and reproducible without an image editor. Run: python3 scripts/make-tab-icons.py
"""
import math
import struct
import zlib

SIZE = 81
SCALE = 4  # supersampling for smooth edges
COLORS = {"normal": (89, 89, 89), "active": (180, 35, 42)}


def png(path, pixels):
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)

    def chunk(tag, data):
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def render(inside, color):
    n = SIZE * SCALE
    rows = []
    for y in range(SIZE):
        row = []
        for x in range(SIZE):
            hits = 0
            for sy in range(SCALE):
                for sx in range(SCALE):
                    px = (x * SCALE + sx + 0.5) / n * 100
                    py = (y * SCALE + sy + 0.5) / n * 100
                    hits += 1 if inside(px, py) else 0
            alpha = round(255 * hits / (SCALE * SCALE))
            row += [*color, alpha]
        rows.append(row)
    return rows


def rect(x0, y0, x1, y1):
    return lambda x, y: x0 <= x <= x1 and y0 <= y <= y1


def ring(cx, cy, r_out, r_in):
    return lambda x, y: r_in ** 2 <= (x - cx) ** 2 + (y - cy) ** 2 <= r_out ** 2


def disc(cx, cy, r):
    return ring(cx, cy, r, -1)


def outline(x0, y0, x1, y1, w):
    return lambda x, y: rect(x0, y0, x1, y1)(x, y) and not rect(x0 + w, y0 + w, x1 - w, y1 - w)(x, y)


def any_of(*shapes):
    return lambda x, y: any(s(x, y) for s in shapes)


def minus(a, b):
    return lambda x, y: a(x, y) and not b(x, y)


def roof(x, y):
    # A roof: two thick strokes from the eaves to the ridge at (50, 14).
    def near_line(ax, ay, bx, by, w):
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        return math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w

    return near_line(12, 48, 50, 14, 5) or near_line(88, 48, 50, 14, 5)


ICONS = {
    "home": any_of(roof, outline(24, 46, 76, 88, 8), rect(43, 62, 57, 88)),
    "subsidy": any_of(
        outline(20, 8, 80, 92, 7),
        rect(30, 18, 70, 36),
        *[rect(30 + c * 15, 46 + r * 14, 40 + c * 15, 54 + r * 14) for r in range(3) for c in range(3)],
    ),
    "vouchers": minus(
        any_of(rect(8, 24, 92, 76)),
        any_of(disc(8, 50, 10), disc(92, 50, 10), *[rect(63, 30 + k * 10, 67, 35 + k * 10) for k in range(5)]),
    ),
    "events": any_of(
        outline(12, 18, 88, 90, 7),
        rect(12, 18, 88, 38),
        rect(28, 8, 36, 28),
        rect(64, 8, 72, 28),
        *[rect(24 + c * 20, 48 + r * 18, 36 + c * 20, 58 + r * 18) for r in range(2) for c in range(3)],
    ),
    "mine": any_of(ring(50, 32, 20, 12), minus(ring(50, 96, 42, 34), rect(0, 96, 100, 100))),
}

if __name__ == "__main__":
    for name, shape in ICONS.items():
        for state, color in COLORS.items():
            png(f"src/assets/tab/{name}-{state}.png", render(shape, color))
    print("wrote", len(ICONS) * 2, "icons")
