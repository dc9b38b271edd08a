// Deutsch: the requests area (merged into de.ts under `requests`); the same keys as requests.en.ts.
// HTTP-Statuszeilen („201 Created“), Methoden, Pfade und JSON bleiben, wie das Protokoll sie schreibt.
export const requestsDe = {
  panel: {
    pause: 'Pakete anhalten',
    resume: 'Wieder live',
    pauseTitle: 'Pakete festhalten: Wähle eine Anfrage und geh ihre Hops Schritt für Schritt durch',
    resumeTitle: 'Anfragen wieder animieren, sobald sie kommen',
    live: 'Live: Jede Anfrage reist über die Bühne',
    paused: 'Angehalten: Die gewählte Anfrage wird Schritt für Schritt gezeigt',
    count_one: '{{count}} Anfrage',
    count_other: '{{count}} Anfragen',
    clear: 'Leeren'
  },
  list: {
    empty: 'Noch keine Anfragen. Jeder docker-Befehl besteht aus einer oder mehreren HTTP-Anfragen an den Daemon: Probier <code>docker ps</code>.',
    label: 'Engine-API-Anfragen, die neueste zuletzt',
    from: 'von'
  },
  detail: {
    pick: 'Wähle eine Anfrage, um ihr Hop für Hop zu folgen: Die Bühne hält ihr Paket dort fest, wo du gerade bist.',
    stepper: 'Die Hops dieser Anfrage durchgehen',
    prev: 'Vorheriger Hop',
    next: 'Nächster Hop',
    path: 'Weg',
    hop: 'Hop {{n}}: {{title}}',
    hopAnswer: 'Hop {{n}}: {{title}} (Antwort)',
    hopOf: 'Hop {{n}} von {{total}} · {{title}}',
    hopOfAnswer: 'Hop {{n}} von {{total}} · {{title}} (Antwort)',
    meta: 'Um {{time}} · {{client}} → dockerd auf {{daemon}}',
    sentFor: 'ausgelöst von <code>{{command}}</code>',
    liveNote: 'live: Die Bühne animiert weiter'
  },
  exchange: {
    request: 'Anfrage',
    response: 'Antwort',
    method: 'Methode',
    path: 'Pfad',
    route: '(Route {{route}})',
    query: 'Query',
    sentOver: 'Gesendet über',
    body: 'Body',
    status: 'Status',
    from: 'Von',
    fromDaemon: 'dockerd auf {{daemon}}',
    container: 'Container',
    none: 'leer',
    notRecorded: 'nicht aufgezeichnet',
    notRecordedInApp: 'nicht aufgezeichnet (die CLI in der App meldet nur Methode, Pfad und Status)',
    requestBody: 'Body der Anfrage',
    responseBody: 'Body der Antwort'
  },
  clients: {
    heading: 'Wo die docker-CLI läuft',
    notSet: '(nicht gesetzt)',
    context: 'Kontext',
    endpoint: 'Endpunkt',
    daemon: 'Daemon',
    noneReachable: 'keiner erreichbar',
    move: 'Die CLI umziehen (führt die Befehle im Terminal aus)',
    place: {
      host: 'Auf container-host',
      laptopMacos: 'macOS-Laptop → ssh',
      laptopWindows: 'Windows-Laptop → TLS',
      dockerDesktop: 'Docker Desktop'
    }
  },
  bridge: {
    heading: 'Eine echte docker-CLI',
    serve: 'Die Engine API dieser Sandbox auf 127.0.0.1 anbieten',
    unavailable: 'Dafür brauchst du die Desktop-App, denn sie kann einen Port auf deinem Computer öffnen. Im Browser führst du <code>npm run engine</code> in einem Terminal aus: Es stellt deiner docker-CLI eine eigene Sandbox ohne Oberfläche bereit.',
    listening: 'Lauscht auf 127.0.0.1:{{port}} (nur Loopback). In deiner eigenen Shell:',
    copy: 'Kopieren',
    copyLabel: 'Die export-Zeile kopieren',
    copied: 'Kopiert.',
    copyYourself: 'Markiere die Zeile und kopiere sie (Strg+C).',
    then: 'Danach landen docker ps, docker run -d nginx:1.27 … hier auf container-host, und jede Anfrage reist über die Bühne. Lass die Zeit laufen (Abspielen): Warten, logs -f und attach folgen der Uhr der Sandbox.',
    off: 'Aus. Eingeschaltet kann eine docker-CLI auf diesem Computer container-host hier steuern (<code>export DOCKER_HOST=tcp://127.0.0.1:…</code>).'
  },
  clientShort: {
    host: 'container-host',
    laptopMacos: 'macOS-Laptop',
    laptopWindows: 'Windows-Laptop',
    dockerDesktop: 'Docker Desktop',
    thisComputer: 'echte CLI'
  },
  client: {
    title: {
      host: 'CLI auf container-host',
      laptopMacos: 'CLI auf einem macOS-Laptop',
      laptopWindows: 'CLI auf einem Windows-Laptop',
      dockerDesktop: 'Docker Desktop: CLI auf dem Laptop',
      thisComputer: 'eine echte docker-CLI'
    },
    hiddenVm: 'versteckte Linux-VM',
    noDaemon: 'kein Daemon',
    dockerdOn: 'dockerd auf {{daemon}}',
    noDaemonAnswers: 'kein Daemon antwortet',
    noDaemonHere: 'hier kein Daemon: setze DOCKER_HOST',
    transport: {
      unixSocket: 'Unix-Socket',
      namedPipe: 'Named Pipe',
      ssh: 'ssh',
      tls: 'TLS',
      tcp: 'tcp',
      unknown: 'unbekanntes Protokoll'
    },
    endpointContext: '{{endpoint}} · Kontext {{contextName}}',
    containers: 'Container: {{list}}',
    containersNone: 'Container: noch keine',
    vm: 'versteckte Linux-VM „docker-desktop“ · {{os}} · {{state}}',
    vmNone: 'nicht angelegt',
    laptop_one: 'Laptop: macOS {{kernel}} · {{count}} Kern · {{memory}}',
    laptop_other: 'Laptop: macOS {{kernel}} · {{count}} Kerne · {{memory}}',
    laptopBare: 'Laptop: macOS'
  },
  hop: {
    sends: 'Die docker-CLI sendet {{request}}',
    sendsFor: 'Die docker-CLI sendet {{request}}, für `{{command}}`',
    api: 'Eine HTTP-Anfrage über {{transport}} ({{url}}): Die CLI ist nur ein Client des Daemons',
    noDaemon: 'Auf {{daemon}} antwortet kein Daemon: Er ist aus oder nicht vorhanden',
    noRoute: 'dockerd hat keine Route für {{method}} {{path}}: {{answer}}',
    handsOn: 'dockerd (der Daemon auf {{daemon}}) prüft die Anfrage und gibt sie an containerd weiter',
    reportsBack: 'containerd meldet zurück; dockerd antwortet {{answer}}',
    ownState: 'dockerd beantwortet {{request}} aus seinem eigenen Zustand',
    refuses: '{{what}}; hier lehnt er ab: {{answer}}',
    response: 'Die Antwort, {{answer}}, reist zurück, und die CLI gibt aus, was sie bedeutet',
    theContainer: 'der Container',
    lifecycle: {
      create: {
        containerd: 'containerd legt einen Snapshot für den neuen Container an: seine beschreibbare Schicht über den schreibgeschützten Schichten des Images',
        runc: 'runc bereitet ein OCI-Bundle vor (config.json: Namespaces, cgroup-Limits, Mounts); bis zum Start läuft nichts',
        container: '{{name}} existiert jetzt, im Zustand „created“: noch kein Prozess'
      },
      start: {
        containerd: 'containerd startet einen Task über containerd-shim-runc-v2, den Shim, der beim Container bleibt',
        runc: 'runc legt die Namespaces und die cgroup an, wechselt ins Root-Dateisystem (pivot_root) und startet den Entrypoint per exec',
        container: '{{name}}: Der erste Prozess läuft als PID 1 in eigenen Namespaces, auf dem Kernel des Hosts'
      },
      stop: {
        containerd: 'containerd schickt dem Task ein Signal: zuerst SIGTERM, dann SIGKILL, falls er sich bis zum Ende des Timeouts nicht beendet hat',
        runc: 'runc kill stellt das Signal an PID 1 im Container zu',
        container: '{{name}}: Der Prozess endet; der Container bleibt gestoppt erhalten, mit seiner beschreibbaren Schicht'
      },
      restart: {
        containerd: 'containerd stoppt den Task und startet dann über den Shim einen neuen',
        runc: 'runc beendet den alten Prozess und startet den Entrypoint in frischen Namespaces neu',
        container: '{{name}} läuft wieder (dieselbe beschreibbare Schicht, neue PID 1)'
      },
      kill: {
        containerd: 'containerd schickt dem Task sofort ein Signal (SIGKILL, sofern kein anderes Signal verlangt wurde)',
        runc: 'runc kill stellt das Signal an PID 1 zu',
        container: '{{name}}: Der Prozess stirbt'
      },
      pause: {
        containerd: 'containerd pausiert den Task',
        runc: 'runc pause friert mit dem cgroup-Freezer jeden Prozess des Containers ein',
        container: '{{name}} ist eingefroren: Seine Prozesse bekommen bis zum Unpause keine CPU-Zeit'
      },
      unpause: {
        containerd: 'containerd setzt den Task fort',
        runc: 'runc resume taut die cgroup wieder auf',
        container: '{{name}}: Die Prozesse laufen dort weiter, wo sie angehalten wurden'
      },
      remove: {
        containerd: 'containerd löscht den Task und den Snapshot des Containers',
        runc: 'runc delete entfernt, was vom Laufzeitzustand des Containers übrig ist',
        container: '{{name}} und seine beschreibbare Schicht sind weg'
      },
      exec: {
        containerd: 'containerd fügt dem laufenden Task des Containers einen Prozess hinzu',
        runc: 'runc exec betritt die Namespaces und die cgroup des Containers und startet dort den Befehl',
        container: '{{name}}: Der Befehl läuft darin, neben PID 1'
      }
    },
    dockerd: {
      ping: 'dockerd antwortet „OK“: Die CLI erfährt die API-Version und dass der Daemon da ist',
      pingHead: 'dockerd beantwortet den Ping: Die CLI erfährt die API-Version und dass der Daemon da ist',
      version: 'dockerd meldet seine Version und die API-Versionen, die er spricht',
      info: 'dockerd beschreibt den Host: Kernel, CPUs, Arbeitsspeicher, wie viele Container und Images',
      containerList: 'dockerd listet die Container aus seinem eigenen Bestand auf; niemand darunter wird gefragt',
      inspect: 'dockerd beantwortet inspect aus seinen eigenen Daten zum Container',
      logs: 'dockerd liest das json-file-Log des Containers und streamt es',
      stats: 'dockerd liest die cgroup-Zähler des Containers (CPU, Arbeitsspeicher, PIDs) und streamt sie',
      top: 'dockerd listet die Prozesse in der cgroup des Containers auf',
      wait: 'dockerd hält die Anfrage offen und antwortet, sobald der Container stoppt',
      attach: 'dockerd übernimmt die Verbindung (Hijack): Ab jetzt trägt sie das rohe stdin/stdout des Containers',
      execCreate: 'dockerd legt einen Exec an (den auszuführenden Befehl) und gibt seine ID zurück; noch läuft nichts',
      rename: 'dockerd benennt den Container in seinem eigenen Bestand um',
      resize: 'dockerd ändert die Größe des TTYs des Containers',
      prune: 'dockerd entfernt jeden gestoppten Container',
      imageList: 'dockerd listet die Images in seinem Image-Speicher auf',
      pull: 'dockerd lädt das Image aus der Registry (Pull); der Fortschritt kommt als JSON-Zeilen zurück',
      imageRemove: 'dockerd entfernt den Tag des Images und löscht die Schichten, die kein anderes Image nutzt',
      tag: 'dockerd gibt dem Image einen weiteren Tag: Es wird kein Byte kopiert',
      build: 'dockerd liest den Build-Kontext (ein tar) und führt das Dockerfile Schritt für Schritt aus',
      events: 'dockerd streamt sein Ereignisprotokoll, während die Dinge geschehen',
      df: 'dockerd zählt den Plattenplatz von Images, Containern und Volumes zusammen',
      networkList: 'dockerd listet seine Netzwerke auf',
      networkCreate: 'dockerd legt ein Netzwerk an (eine Linux-Bridge und ihr Subnetz)',
      volumeList: 'dockerd listet seine Volumes auf',
      volumeCreate: 'dockerd legt ein Volume an: einen Ordner, den er auf dem Host verwaltet'
    }
  },
  body: {
    sizeOf: '{{size}} vom Typ {{type}}',
    sizeOfBytes: '{{size}} Binärdaten',
    sizeOfText: '{{size}} Text',
    upgraded: 'Verbindung umgewandelt (Upgrade): rohe Bytes in beide Richtungen (attach/exec)',
    stream: 'ein Stream aus {{what}}, geschrieben, während sich die Welt ändert',
    streamJson: 'JSON-Nachrichten',
    streamFramed: 'gerahmtem stdout/stderr',
    streamRaw: 'rohen Bytes',
    more: '…{{count}} weitere',
    moreChars_one: '… ({{chars}} weiteres Zeichen)',
    moreChars_other: '… ({{chars}} weitere Zeichen)'
  }
}
