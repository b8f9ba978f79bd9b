// The bench bundle resolves `cytoscape` to its shim and `cytoscape-real` to the library itself.
declare module 'cytoscape-real' {
  import cytoscape from 'cytoscape';
  export default cytoscape;
}
