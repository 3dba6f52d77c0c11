from herald_timeline.cli import main

raise SystemExit(main())
