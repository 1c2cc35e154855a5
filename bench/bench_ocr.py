"""Benchmark: OCR of a scanned letter page, seconds per page (wall time), the reader's way against the old way.

"before" is how pages were read until December 2026: one tesseract call per page with English and Burmese together,
tesseract's default threads (OpenMP) and automatic page segmentation. "after" is graph.extract.ocr: one thread
per tesseract, English first and Burmese only for a page with an unread line, two pages at a time. The page is a
28-line letter rendered at 200 dpi (tests/test_ocr.py checks what is read); --myanmar adds a Burmese line, which
makes "after" read the page twice; --korean adds a Korean line (a script osd names, read again with its pack);
--french prints the letter in French (read again with the French model). Wall time, because OCR runs in a child process; other jobs share the machine,
so the median of --repeat runs is printed.

    .venv/bin/python bench/bench_ocr.py [--pages 2] [--repeat 3] [--myanmar | --korean | --french]
"""
from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LETTER = ["Joint statement on the protection of civilians in Myanmar", "12 March 2024",
          "To the Members of the United Nations Security Council", "", "Your Excellencies,", "",
          "We, the undersigned organizations, write to urge you to act without delay. Since the",
          "attempted coup, the military has killed thousands of civilians and displaced more than",
          "two million people. Airstrikes on schools, clinics and monasteries continue every week.", "",
          "We call on the Council to impose a global arms embargo, to refer the situation to the",
          "International Criminal Court, and to ensure humanitarian access across all regions.", "",
          "Signed by:", "1. Burma Campaign UK", "2. Progressive Voice", "3. Fortify Rights",
          "4. Asian Forum for Human Rights and Development (FORUM-ASIA)", "5. Women's League of Burma",
          "6. Assistance Association for Political Prisoners (AAPP)", "7. Karen Human Rights Group",
          "8. Chin Human Rights Organization", "9. Human Rights Foundation of Monland",
          "10. Kachin Women's Association Thailand", "11. Ta'ang Women's Organization", "12. Altsean-Burma"]
FRENCH = ["Déclaration commune sur la protection des civils au Myanmar", "12 mars 2024",
          "Aux membres du Conseil de sécurité des Nations unies", "", "Excellences,", "",
          "Nous, organisations soussignées, vous écrivons pour vous demander d'agir sans délai. Depuis la",
          "tentative de coup d'État, l'armée a tué des milliers de civils et déplacé plus de deux",
          "millions de personnes. Les frappes aériennes sur les écoles et les cliniques continuent.", "",
          "Nous appelons le Conseil à imposer un embargo mondial sur les armes, à saisir la Cour pénale",
          "internationale et à garantir l'accès humanitaire dans toutes les régions.", "",
          "Organisations signataires :", "1. Fédération Internationale pour les Droits Humains",
          "2. Ligue des Droits de l'Homme", "3. Réseau Européen Solidarité Birmanie", "4. Comité Birmanie Genève",
          "5. Collectif des Défenseurs Épris de Liberté", "6. Association Française Info Birmanie",
          "7. Amitiés Franco-Birmanes", "8. Observatoire des Libertés Publiques", "9. Union des Étudiants Exilés",
          "10. Coordination Sud Solidarité", "11. Fondation Égalité et Réconciliation", "12. Peuples Solidaires"]
MYANMAR = "မြန်မာနိုင်ငံ အမျိုးသမီးများ အဖွဲ့ချုပ်"
MYANMAR_FONT = "/usr/share/fonts/truetype/noto/NotoSansMyanmar-Regular.ttf"
KOREAN = "한국여성단체연합 서울여성회"
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"  # Debian fonts-noto-cjk; face 1 is Korean


def scanned_letter(pages: int = 1, myanmar: bool = False, korean: bool = False, french: bool = False) -> bytes:
    """An image-only PDF (no text layer): the letter drawn by Pillow on each page at 200 dpi, as a scanner makes."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("DejaVuSerif.ttf", 32)  # about 11.5 pt at 200 dpi
    images = []
    for _ in range(pages):
        img = Image.new("L", (1700, 2200), 255)
        draw = ImageDraw.Draw(img)
        text = FRENCH if french else LETTER
        for i, line in enumerate(text):
            draw.text((150, 150 + i * 55), line, fill=0, font=font)
        if myanmar:
            draw.text((150, 150 + (len(text) + 1) * 55), MYANMAR, fill=0, font=ImageFont.truetype(MYANMAR_FONT, 32))
        if korean:
            draw.text((150, 150 + (len(text) + 1) * 55), KOREAN, fill=0,
                      font=ImageFont.truetype(CJK_FONT, 32, index=1))
        images.append(img)
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", resolution=200, save_all=True, append_images=images[1:])
    return buf.getvalue()


def before(data: bytes, pages: int) -> None:
    """The old reader: per page, pdftoppm then tesseract eng+mya, default threads and segmentation, text out."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        for k in range(1, pages + 1):
            stem = Path(tmp) / f"p{k}"
            subprocess.run(["pdftoppm", "-r", "200", "-f", str(k), "-l", str(k), "-gray", "-png", "-singlefile",
                            str(pdf), str(stem)], check=True, capture_output=True)
            subprocess.run(["tesseract", f"{stem}.png", "stdout", "-l", "eng+mya"], check=True, capture_output=True)


def after(data: bytes, pages: int) -> None:
    from graph.extract.ocr import ocr

    ocr(data, "bench.pdf", pages)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pages", type=int, default=2)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--myanmar", action="store_true")
    p.add_argument("--korean", action="store_true")
    p.add_argument("--french", action="store_true")
    a = p.parse_args(argv)
    data = scanned_letter(a.pages, a.myanmar, a.korean, a.french)
    what = ", a Burmese line" if a.myanmar else ", a Korean line" if a.korean else ", in French" if a.french else ""
    for label, run in (("before", before), ("after", after)):
        times = []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            run(data, a.pages)
            times.append((time.perf_counter() - t0) / a.pages)
        print(f"OCR {label:6}: {statistics.median(times):5.2f} s/page (median of {a.repeat}, {a.pages} pages"
              f"{what}; runs {', '.join(f'{t:.2f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
