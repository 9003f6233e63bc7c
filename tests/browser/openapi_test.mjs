// The one OpenAPI document: valid OpenAPI 3.0 by the official schema, and it describes the
// host's auth and audit routes.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import SwaggerParser from '@apidevtools/swagger-parser';

import { url } from './support.mjs';

let document;

before(async () => {
  const response = await fetch(url('/api/openapi.json'));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/json/);
  document = await response.json();
});

test('the document is valid OpenAPI 3.0', async () => {
  assert.match(document.openapi, /^3\.0\.\d+$/);
  // validate() dereferences in place; give it a copy so that the other tests see the original.
  const api = await SwaggerParser.validate(structuredClone(document));
  assert.equal(api.info.title, 'Cadre');
});

test('the validator is strict: a broken copy is refused', async () => {
  const broken = structuredClone(document);
  broken.paths['/api/v1/auth/me'].get.responses = 'none';
  await assert.rejects(SwaggerParser.validate(broken),
    /schema validation failed\.\s+#\/paths\/~1api~1v1~1auth~1me\/get\/responses must be object/);
});

test('it describes the auth routes', () => {
  const { paths } = document;
  assert.deepEqual(Object.keys(paths['/api/v1/auth/login']), ['post']);
  assert.deepEqual(Object.keys(paths['/api/v1/auth/logout']), ['post']);
  assert.deepEqual(Object.keys(paths['/api/v1/auth/me']), ['get']);
  assert.equal(paths['/api/v1/auth/login'].post.security, undefined, 'login is public');
  assert.deepEqual(paths['/api/v1/auth/me'].get.security, [{ bearerAuth: [] }, { cookieAuth: [] }]);
});

test('it describes the audit route', () => {
  const audit = document.paths['/api/v1/audit'];
  assert.ok(audit, 'GET /api/v1/audit is described');
  assert.ok(audit.get, 'with a get operation');
  assert.deepEqual(audit.get.security, [{ bearerAuth: [] }, { cookieAuth: [] }]);
  assert.equal(audit.get.responses['403'].content['application/problem+json'].schema.$ref,
    '#/components/schemas/Problem');
});

test('it names the security schemes the API accepts', () => {
  assert.deepEqual(document.components.securitySchemes, {
    bearerAuth: { type: 'http', scheme: 'bearer' },
    cookieAuth: { type: 'apiKey', in: 'cookie', name: 'cadre_session' },
  });
});
