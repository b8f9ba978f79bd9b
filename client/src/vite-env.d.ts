/// <reference types="vite/client" />

// cytoscape-fcose ships no type declarations; it is a Cytoscape extension function.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

// The Cypher editor's package maps its entry to JavaScript only, so its own declarations are
// not found through "exports"; they are re-exported here.
declare module '@neo4j-cypher/react-codemirror' {
  export { CypherEditor } from '@neo4j-cypher/react-codemirror/src/react-codemirror.d.ts';
}
