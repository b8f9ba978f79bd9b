/**
 * Collects every node and relationship found anywhere in query results — directly, inside paths,
 * lists and maps, at any depth — once each, in order of first appearance, for the canvas.
 */
import { Node, Path, Relationship } from 'neo4j-driver';
import type { GraphData, GraphNode, GraphRelationship } from '../../common/api.ts';
import { toGraphNode, toGraphRelationship } from '../db/encode.ts';

export class GraphCollector {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly relationships = new Map<string, GraphRelationship>();

  /** Walks one value of a record. */
  add(value: unknown): void {
    if (value === null || typeof value !== 'object') return;
    if (value instanceof Node) {
      if (!this.nodes.has(value.elementId)) this.nodes.set(value.elementId, toGraphNode(value));
    } else if (value instanceof Relationship) {
      if (!this.relationships.has(value.elementId)) {
        this.relationships.set(value.elementId, toGraphRelationship(value));
      }
    } else if (value instanceof Path) {
      this.add(value.start);
      for (const segment of value.segments) {
        this.add(segment.relationship);
        this.add(segment.end);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) this.add(item);
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      // Plain maps only: temporal, spatial and integer values are classes and hold no elements.
      for (const item of Object.values(value)) this.add(item);
    }
  }

  result(): GraphData {
    return { nodes: [...this.nodes.values()], relationships: [...this.relationships.values()] };
  }
}
