"$OWNERTRACE" validate bad/bad-xml-unknown-element.xml
