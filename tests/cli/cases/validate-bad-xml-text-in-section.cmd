"$OWNERTRACE" validate bad/bad-xml-text-in-section.xml
