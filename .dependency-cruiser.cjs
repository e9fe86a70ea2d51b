// The layers of the codebase, checked by `npm run lint` (depcruise). README "Architecture" draws
// them; a rule here is the line a change may not cross.
//   shared/      pure: types, schemas, enums, money and id helpers — imported by both sides
//   client/      the SPA: shared/ only from outside itself
//   server/      entry points (app.ts, */routes.ts, http/, middleware) parse, call, answer;
//                the domain (services, ledger, list engine, audit, db) never sees Express
//   migrations/  shared/ only, so they stay replayable whatever the app becomes
//   tests        may use anything; production code never imports a test or the test harness
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ is imported by the SPA and the server alike: it may not depend on either.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|client|cli|migrations|simulator|e2e)/' },
    },
    {
      name: 'client-stays-in-the-browser',
      comment: 'The SPA talks to the server over HTTP only; shared/ is the one common ground.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(server|cli|migrations|simulator)/' },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      from: { path: '^(server|migrations)/' },
      to: { path: '^(client|cli|e2e)/' },
    },
    {
      name: 'migrations-use-shared-only',
      comment: 'A migration must replay the same way forever: it may not import application code.',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^(server|client|cli|simulator)/' },
    },
    {
      name: 'domain-without-http',
      comment: 'Services, the ledger, the list engine, the audit trail and the database layer never see req/res: routes parse, call and answer (STYLE.md).',
      severity: 'error',
      from: {
        path: '^server/(ledger|list|audit|db|seed|resources/[^/]+)/',
        pathNot: ['/routes\\.ts$', '/upload\\.ts$', '\\.test\\.ts$'],
      },
      to: { path: ['^node_modules/(express|multer|cookie-parser)/', '^server/http/', '/routes\\.ts$'] },
    },
    {
      name: 'no-tests-in-production',
      comment: 'Production code never imports a test file or the test harness.',
      severity: 'error',
      from: { pathNot: ['\\.test\\.tsx?$', '\\.test-util\\.ts$', '^server/test/', '^e2e/', '^client/src/test/', '^cli/bench\\.ts$', '^bench/'] },
      to: { path: ['\\.test\\.tsx?$', '\\.test-util\\.ts$', '^server/test/', '^e2e/', '^client/src/test/'] },
    },
    {
      name: 'no-circular',
      comment: 'Modules that need each other at run time are one module; a type-only import back is fine.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    preserveSymlinks: true, // engineers' worktrees link node_modules; paths stay node_modules/…
    exclude: { path: ['^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
