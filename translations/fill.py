#!/usr/bin/env python3
"""Fills the plural forms of the English source file (lightd_gui_en.ts) after update_translations:
"%n port(s)" becomes "%n port" / "%n ports". The German file is translated by hand (or Linguist)."""
import re, sys
import xml.etree.ElementTree as ET

def english_forms(source):
    one = re.sub(r"\((s|es)\)", "", source).replace("%n more", "%n more")
    many = re.sub(r"\((s|es)\)", r"\1", source)
    return one, many

def main(path):
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        for form in english_forms(message.find("source").text):
            ET.SubElement(translation, "numerusform").text = form
    tree.write(path, encoding="utf-8", xml_declaration=True)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "lightd_gui_en.ts")
