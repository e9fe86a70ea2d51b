// The password strength estimator's thread: zxcvbn-ts with its common and English dictionaries,
// loaded once, when the first password is checked. Loading them takes seconds of CPU and one
// estimate tens of milliseconds, so neither runs on the thread that serves requests.
import { parentPort } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import type { StrengthRequest, StrengthResponse } from './passwordStrength.ts';

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  // Bounds the work per password: leetspeak variants explode combinatorially in long passwords
  // full of @, $, 1 (seconds each with the defaults), and characters past the 64th add nothing
  // a 64-character password needs.
  l33tMaxSubstitutions: 8,
  maxLength: 64,
});

parentPort!.on('message', (msg: StrengthRequest) => {
  let reply: StrengthResponse;
  try {
    reply = {
      id: msg.id,
      results: msg.passwords.map((p) => {
        const r = zxcvbn.check(p, msg.userInputs);
        return { score: r.score, warning: r.feedback.warning, suggestions: r.feedback.suggestions };
      }),
    };
  } catch (err) {
    reply = { id: msg.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
