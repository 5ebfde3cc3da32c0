#!/usr/bin/env python3
"""Writes the SVG icon set of lightd-gui (icons/*.svg), renders PNGs of each (icons/png/) with
rsvg-convert (gui/CMakeLists.txt embeds them). The SVGs are the sources; the PNGs are committed so
building needs no SVG renderer (Qt's SVG module is not a build dependency)."""
import os, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
DARK, LIGHT = "#374151", "#c9d1de"

def line(paths, color=DARK, extra=""):
    d = "".join(f'<path d="{p}"/>' for p in paths)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="{color}" '
            f'stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">{d}{extra}</svg>')

def raw(body):
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{body}</svg>'

STROKED = {
    "add": ["M12 5v14", "M5 12h14"],
    "range": ["M8 6H5v12h3", "M16 6h3v12h-3", "M9 12h6"],
    "delete": ["M4 7h16", "M10 11v6", "M14 11v6", "M6 7l1 13h10l1-13", "M9 7V4h6v3"],
    "upload": ["M12 15V4", "M7 9l5-5 5 5", "M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4"],
    "download": ["M12 4v11", "M7 10l5 5 5-5", "M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4"],
    "edit": ["M4 20h4L19 9l-4-4L4 16z", "M13 7l4 4"],
    "rename": ["M3 8a1 1 0 0 1 1-1h5", "M15 7h5a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-5", "M9 17H4a1 1 0 0 1-1-1V8",
               "M12 4v16", "M10 4h4", "M10 20h4"],
    "archive": ["M3 4h18v4H3z", "M5 8v11a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8", "M10 12h4"],
    "unarchive": ["M3 4h18v4H3z", "M5 8v11a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8", "M12 17v-6", "M9.5 13.5L12 11l2.5 2.5"],
    "back": ["M15 5l-7 7 7 7"],
    "up": ["M12 19V5", "M6 11l6-6 6 6"],
    "down": ["M12 5v14", "M6 13l6 6 6-6"],
    "close": ["M6 6l12 12", "M18 6L6 18"],
    "restart": ["M20 12a8 8 0 1 1-2.34-5.66", "M20 4v5h-5"],
    "refresh": ["M20 12a8 8 0 1 1-2.34-5.66", "M20 4v5h-5"],
    "pause": ["M9 5v14", "M15 5v14"],
    "chart": ["M4 4v16h16", "M7 15l4-4 3 3 5-6"],
    "console": ["M4 4h16a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z", "M7 9l3 3-3 3", "M12 15h5"],
    "settings": ["M4 6h9", "M17 6h3", "M4 12h3", "M11 12h9", "M4 18h11", "M19 18h1"],
    "folder-new": ["M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z", "M12 10v6", "M9 13h6"],
    "folder-open": ["M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v1", "M3 7v10a2 2 0 0 0 2 2h12.5a2 2 0 0 0 1.9-1.4L21.5 12a1 1 0 0 0-1-1.3H8a2 2 0 0 0-1.9 1.4L3.5 19"],
}
SETTINGS_DOTS = '<circle cx="15" cy="6" r="2"/><circle cx="9" cy="12" r="2"/><circle cx="17" cy="18" r="2"/>'
SIDEBAR = {
    "container": ["M12 3l8 4.5v9L12 21l-8-4.5v-9z", "M12 12l8-4.5", "M12 12v9", "M12 12L4 7.5"],
    "network": ["M5 5h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z", "M8 9v3", "M12 9v3", "M16 9v3", "M12 16v4", "M8 20h8"],
    "volume": ["M5 6c0-1.7 3.1-3 7-3s7 1.3 7 3-3.1 3-7 3-7-1.3-7-3z", "M5 6v12c0 1.7 3.1 3 7 3s7-1.3 7-3V6", "M5 12c0 1.7 3.1 3 7 3s7-1.3 7-3"],
    "billing": ["M6 3h12v18l-3-2-3 2-3-2-3 2z", "M9 8h6", "M9 12h6", "M9 16h3"],
    "node": ["M5 4h14a1 1 0 0 1 1 1v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z",
             "M5 13h14a1 1 0 0 1 1 1v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-5a1 1 0 0 1 1-1z", "M8 7.5h.01", "M8 16.5h.01", "M12 7.5h5", "M12 16.5h5"],
    "add": STROKED["add"],
    "key": ["M8 11a4 4 0 1 0 0 8a4 4 0 1 0 0-8z", "M10.8 12.2L20 3", "M16.5 6.5l2.5 2.5", "M14 9l2 2"],
}
FILLED = {
    "search": line(["M20 20l-4.5-4.5"], DARK, '<circle cx="11" cy="11" r="6.5"/>'),
    "dice": line(["M7 4h10a3 3 0 0 1 3 3v10a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3z"], DARK,
                 '<g fill="#374151" stroke="none"><circle cx="8.5" cy="8.5" r="1.4"/><circle cx="12" cy="12" r="1.4"/><circle cx="15.5" cy="15.5" r="1.4"/></g>'),
    "folder": raw('<path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" fill="#fcd34d" stroke="#d97706" stroke-width="1.2" stroke-linejoin="round"/>'
                  '<path d="M3 9h18" stroke="#f59e0b" stroke-width="1.2"/>'),
    "file": raw('<path d="M6 3h8l4 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z" fill="#ffffff" stroke="#64748b" stroke-width="1.3" stroke-linejoin="round"/>'
                '<path d="M14 3v4h4" fill="none" stroke="#64748b" stroke-width="1.3" stroke-linejoin="round"/>'
                '<path d="M8 12h7M8 15h7M8 18h4" stroke="#cbd5e1" stroke-width="1.2" stroke-linecap="round"/>'),
    "start": raw('<path d="M7 4.5v15a1 1 0 0 0 1.5.9l12-7.5a1 1 0 0 0 0-1.7l-12-7.5A1 1 0 0 0 7 4.5z" fill="#16a34a"/>'),
    "stop": raw('<rect x="5.5" y="5.5" width="13" height="13" rx="2" fill="#dc2626"/>'),
    "kill": raw('<path d="M13 2L4 14h7l-1 8 9-12h-7z" fill="#f59e0b" stroke="#b45309" stroke-width="1" stroke-linejoin="round"/>'),
    "ok": raw('<circle cx="12" cy="12" r="10" fill="#16a34a"/><path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>'),
    "info": raw('<circle cx="12" cy="12" r="10" fill="#2563eb"/><path d="M12 11v6" stroke="#fff" stroke-width="2.2" stroke-linecap="round"/><circle cx="12" cy="7.5" r="1.3" fill="#fff"/>'),
    "warning": raw('<path d="M10.3 3.5L2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.5a2 2 0 0 0-3.4 0z" fill="#dc2626"/><path d="M12 9v5" stroke="#fff" stroke-width="2.2" stroke-linecap="round"/><circle cx="12" cy="17" r="1.3" fill="#fff"/>'),
    "soon": raw('<circle cx="12" cy="12" r="11" fill="#e0e7ff"/><circle cx="12" cy="12" r="7" fill="none" stroke="#4f46e5" stroke-width="1.6"/>'
                '<path d="M12 8.5V12l2.5 1.8" fill="none" stroke="#4f46e5" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>'),
    "offline": raw('<circle cx="12" cy="12" r="11" fill="#fee2e2"/><path d="M6 10.5a9 9 0 0 1 12 0M8.3 13.2a5.5 5.5 0 0 1 7.4 0" fill="none" stroke="#dc2626" stroke-width="1.6" stroke-linecap="round"/>'
                   '<circle cx="12" cy="16.3" r="1.2" fill="#dc2626"/><path d="M5 5l14 14" stroke="#dc2626" stroke-width="1.6" stroke-linecap="round"/>'),
}
APP = '''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3b82f6"/><stop offset="1" stop-color="#4338ca"/></linearGradient>
<linearGradient id="bolt" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fef08a"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>
<rect x="12" y="12" width="232" height="232" rx="52" fill="url(#bg)"/>
<path d="M128 44l68 38v92l-68 38-68-38V82z" fill="none" stroke="#ffffff" stroke-opacity="0.9" stroke-width="12" stroke-linejoin="round"/>
<path d="M60 82l68 38 68-38M128 120v92" fill="none" stroke="#ffffff" stroke-opacity="0.45" stroke-width="8" stroke-linejoin="round"/>
<path d="M140 92l-40 62h30l-8 44 42-66h-30z" fill="url(#bolt)" stroke="#b45309" stroke-width="4" stroke-linejoin="round"/>
</svg>
'''

def main():
    icons = {}
    for name, paths in STROKED.items():
        icons[name] = line(paths, DARK, SETTINGS_DOTS if name == "settings" else "")
    for name, paths in SIDEBAR.items():
        icons.setdefault(name, line(paths, DARK))
        icons[name + "-light"] = line(paths, LIGHT)
    icons.update(FILLED)
    svgdir = os.path.join(HERE, "icons")
    pngdir = os.path.join(svgdir, "png")
    os.makedirs(pngdir, exist_ok=True)
    for name, svg in icons.items():
        with open(os.path.join(svgdir, name + ".svg"), "w") as f:
            f.write(svg + "\n")
    with open(os.path.join(svgdir, "lightd-gui.svg"), "w") as f:
        f.write(APP)
    for name in sorted(list(icons) + ["lightd-gui"]):
        sizes = [16, 32, 48, 64, 128, 256] if name == "lightd-gui" else [16, 32, 64]
        for size in sizes:
            out = os.path.join(pngdir, f"{name}-{size}.png")
            subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), "-o", out,
                            os.path.join(svgdir, name + ".svg")], check=True)

if __name__ == "__main__":
    main()
