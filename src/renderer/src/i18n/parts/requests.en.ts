// English strings of the requests area (merged into en.ts under `requests`).
// The `client` section is also the stage's client box: scene/clientLabel.ts keeps an English copy of it (the scene
// may not import i18n) that app/requestTrace.test.ts holds equal to this one.
export const requestsEn = {
  panel: {
    pause: 'Pause packets',
    resume: 'Resume live',
    pauseTitle: 'Hold the packets: pick a request and step through its hops',
    resumeTitle: 'Animate requests again as they come',
    live: 'Live: each request travels the stage',
    paused: 'Paused: stepping the selected request',
    count_one: '{{count}} request',
    count_other: '{{count}} requests',
    clear: 'Clear'
  },
  list: {
    empty: 'No requests yet. Every docker command is one or more HTTP requests to the daemon: try <code>docker ps</code>.',
    label: 'Engine API requests, newest last',
    from: 'from'
  },
  detail: {
    pick: 'Pick a request to follow it hop by hop: the stage holds its packet where you are.',
    stepper: 'Step through the hops of this request',
    prev: 'Prev hop',
    next: 'Next hop',
    path: 'Path',
    hop: 'Hop {{n}}: {{title}}',
    hopAnswer: 'Hop {{n}}: {{title}} (answer)',
    hopOf: 'Hop {{n}} of {{total}} · {{title}}',
    hopOfAnswer: 'Hop {{n}} of {{total}} · {{title}} (answer)',
    meta: 'At {{time}} · {{client}} → dockerd on {{daemon}}',
    sentFor: 'sent for <code>{{command}}</code>',
    liveNote: 'live: the stage keeps animating'
  },
  exchange: {
    request: 'Request',
    response: 'Response',
    method: 'Method',
    path: 'Path',
    route: '(route {{route}})',
    query: 'Query',
    sentOver: 'Sent over',
    body: 'Body',
    status: 'Status',
    from: 'From',
    fromDaemon: 'dockerd on {{daemon}}',
    container: 'Container',
    none: 'none',
    notRecorded: 'not recorded',
    notRecordedInApp: 'not recorded (the in-app CLI reports method, path and status only)',
    requestBody: 'request body',
    responseBody: 'response body'
  },
  clients: {
    heading: 'Where the docker CLI runs',
    notSet: '(not set)',
    context: 'Context',
    endpoint: 'Endpoint',
    daemon: 'Daemon',
    noneReachable: 'none reachable',
    move: 'Move the CLI (runs the commands in the terminal)',
    place: {
      host: 'On container-host',
      laptopMacos: 'macOS laptop → ssh',
      laptopWindows: 'Windows laptop → TLS',
      dockerDesktop: 'Docker Desktop'
    }
  },
  bridge: {
    heading: 'A real docker CLI',
    serve: 'Serve this sandbox\'s Engine API on 127.0.0.1',
    unavailable: 'This needs the desktop app, which can open a port on your computer. In the browser, run <code>npm run engine</code> in a terminal: it serves a headless sandbox of its own for your docker CLI.',
    listening: 'Listening on 127.0.0.1:{{port}} (loopback only). In your own shell:',
    copy: 'Copy',
    copyLabel: 'Copy the export line',
    copied: 'Copied.',
    copyYourself: 'Select the line and copy it (Ctrl+C).',
    then: 'Then docker ps, docker run -d nginx:1.27 … land on container-host here, and each request travels the stage. Keep time running (Play): waits, logs -f and attach follow the sandbox\'s clock.',
    off: 'Off. Switched on, a docker CLI on this computer can drive container-host here (<code>export DOCKER_HOST=tcp://127.0.0.1:…</code>).'
  },
  /** who sent a request, short, for the list's rows */
  clientShort: {
    host: 'container-host',
    laptopMacos: 'macOS laptop',
    laptopWindows: 'Windows laptop',
    dockerDesktop: 'Docker Desktop',
    thisComputer: 'real CLI'
  },
  /** where the CLI runs and how it reaches a daemon (the client box on the stage, the Clients tab, each request) */
  client: {
    title: {
      host: 'CLI on container-host',
      laptopMacos: 'CLI on a macOS laptop',
      laptopWindows: 'CLI on a Windows laptop',
      dockerDesktop: 'Docker Desktop: CLI on the laptop',
      thisComputer: 'a real docker CLI'
    },
    hiddenVm: 'hidden Linux VM',
    noDaemon: 'no daemon',
    dockerdOn: 'dockerd on {{daemon}}',
    noDaemonAnswers: 'no daemon answers',
    noDaemonHere: 'no daemon here: set DOCKER_HOST',
    transport: {
      unixSocket: 'unix socket',
      namedPipe: 'named pipe',
      ssh: 'ssh',
      tls: 'TLS',
      tcp: 'tcp',
      unknown: 'an unknown transport'
    },
    endpointContext: '{{endpoint}} · context {{contextName}}',
    containers: 'containers: {{list}}',
    containersNone: 'containers: none yet',
    vm: 'hidden Linux VM “docker-desktop” · {{os}} · {{state}}',
    /** in place of {{state}} in `vm` while there is no such VM (a VM's states are in the shared `state` table) */
    vmNone: 'not created',
    laptop_one: 'laptop: macOS {{kernel}} · {{count}} core · {{memory}}',
    laptop_other: 'laptop: macOS {{kernel}} · {{count}} cores · {{memory}}',
    laptopBare: 'laptop: macOS'
  },
  /** what happens at each hop of a request */
  hop: {
    sends: 'The docker CLI sends {{request}}',
    sendsFor: 'The docker CLI sends {{request}}, for `{{command}}`',
    api: 'An HTTP request over {{transport}} ({{url}}): the CLI is only a client of the daemon',
    noDaemon: 'No daemon answers on {{daemon}}: it is down or not there',
    noRoute: 'dockerd has no route for {{method}} {{path}}: {{answer}}',
    handsOn: 'dockerd (the daemon on {{daemon}}) checks the request and hands it to containerd',
    reportsBack: 'containerd reports back; dockerd answers {{answer}}',
    ownState: 'dockerd answers {{request}} from its own state',
    refuses: '{{what}}; here it refuses: {{answer}}',
    response: 'The response, {{answer}}, travels back and the CLI prints what it means',
    theContainer: 'the container',
    lifecycle: {
      create: {
        containerd: 'containerd prepares a snapshot for the new container: its writable layer over the image\'s read-only ones',
        runc: 'runc gets an OCI bundle (config.json: namespaces, cgroup limits, mounts) ready; nothing runs until start',
        container: '{{name}} now exists, in state "created": no process yet'
      },
      start: {
        containerd: 'containerd starts a task through containerd-shim-runc-v2, the shim that stays with the container',
        runc: 'runc creates the namespaces and the cgroup, pivots into the root filesystem and execs the entrypoint',
        container: '{{name}}\'s first process runs as PID 1 in its own namespaces, on the host\'s kernel'
      },
      stop: {
        containerd: 'containerd signals the task: SIGTERM first, SIGKILL if it has not exited when the timeout ends',
        runc: 'runc kill delivers the signal to PID 1 inside the container',
        container: '{{name}}\'s process exits; the container stays, stopped, with its writable layer'
      },
      restart: {
        containerd: 'containerd stops the task, then starts a new one through the shim',
        runc: 'runc kills the old process and runs the entrypoint again in fresh namespaces',
        container: '{{name}} runs again (same writable layer, new PID 1)'
      },
      kill: {
        containerd: 'containerd signals the task at once (SIGKILL unless another signal was asked for)',
        runc: 'runc kill delivers the signal to PID 1',
        container: '{{name}}\'s process dies'
      },
      pause: {
        containerd: 'containerd pauses the task',
        runc: 'runc pause freezes every process of the container with the cgroup freezer',
        container: '{{name}} is frozen: its processes get no CPU time until unpaused'
      },
      unpause: {
        containerd: 'containerd resumes the task',
        runc: 'runc resume thaws the cgroup',
        container: '{{name}}\'s processes run again where they stopped'
      },
      remove: {
        containerd: 'containerd deletes the task and the container\'s snapshot',
        runc: 'runc delete removes what is left of the container\'s runtime state',
        container: '{{name}} and its writable layer are gone'
      },
      exec: {
        containerd: 'containerd adds a process to the container\'s running task',
        runc: 'runc exec enters the container\'s namespaces and cgroup and starts the command there',
        container: 'the command runs inside {{name}}, beside its PID 1'
      }
    },
    /** what dockerd does itself, for the routes that stop there */
    dockerd: {
      ping: 'dockerd answers "OK": the CLI learns the API version and that the daemon is there',
      pingHead: 'dockerd answers the ping: the CLI learns the API version and that the daemon is there',
      version: 'dockerd reports its version and the API versions it speaks',
      info: 'dockerd reports the host: kernel, CPUs, memory, how many containers and images',
      containerList: 'dockerd lists containers from its own store; nothing below it is asked',
      inspect: 'dockerd answers inspect from its own record of the container',
      logs: 'dockerd reads the container\'s json-file log and streams it',
      stats: 'dockerd reads the container\'s cgroup counters (CPU, memory, PIDs) and streams them',
      top: 'dockerd lists the processes in the container\'s cgroup',
      wait: 'dockerd holds the request open and answers when the container stops',
      attach: 'dockerd hijacks the connection: from now on it carries the container\'s raw stdin/stdout',
      execCreate: 'dockerd records an exec (the command to run) and returns its id; nothing runs yet',
      rename: 'dockerd renames the container in its own store',
      resize: 'dockerd resizes the container\'s TTY',
      prune: 'dockerd removes every stopped container',
      imageList: 'dockerd lists the images in its image store',
      pull: 'dockerd pulls the image from the registry; progress streams back as JSON lines',
      imageRemove: 'dockerd untags the image and deletes layers no other image uses',
      tag: 'dockerd adds a tag to the image: no bytes are copied',
      build: 'dockerd reads the build context (a tar) and runs the Dockerfile step by step',
      events: 'dockerd streams its event log as things happen',
      df: 'dockerd adds up the disk used by images, containers and volumes',
      networkList: 'dockerd lists its networks',
      networkCreate: 'dockerd creates a network (a Linux bridge and its subnet)',
      volumeList: 'dockerd lists its volumes',
      volumeCreate: 'dockerd creates a volume: a folder it manages on the host'
    }
  },
  /** one-line views of request and response bodies */
  body: {
    sizeOf: '{{size}} of {{type}}',
    sizeOfBytes: '{{size}} of bytes',
    sizeOfText: '{{size}} of text',
    upgraded: 'connection upgraded: raw bytes both ways (attach/exec)',
    stream: 'a stream of {{what}}, written as the world changes',
    streamJson: 'JSON messages',
    streamFramed: 'framed stdout/stderr',
    streamRaw: 'raw bytes',
    more: '…{{count}} more',
    moreChars_one: '… ({{chars}} more character)',
    moreChars_other: '… ({{chars}} more characters)'
  }
}
