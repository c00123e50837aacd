"$OWNERTRACE" convert warnings.yaml /nonexistent-dir/out.xml
