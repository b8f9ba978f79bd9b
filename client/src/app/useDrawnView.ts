/**
 * What the canvas draws from the visible scene: the reader's filter (with the evidence layer
 * hidden at first where the data has one), the elements and legend, and the renderer for the size.
 */
import { useMemo, useState } from 'react';
import type { CaptionRules } from '../../../common/caption.ts';
import type { EvidenceProfile, GraphData, SchemaResponse } from '../../../common/api.ts';
import { dateFormsOf } from '../graph/dateForms.ts';
import { legendEntries, toElements, type NodeEmphases } from '../graph/elements.ts';
import {
  NO_FILTER,
  applyFilter,
  mentionSourceLabels,
  typeEntries,
  type ViewFilter,
} from '../graph/filters.ts';
import type { LabelCounts, LabelStyles } from '../graph/palette.ts';
import { observeProperties } from '../graph/propertyFilters.ts';
import { chooseRenderer, webglAvailable, type RendererKind } from '../graph/renderer.ts';

/** What the document view assumes when the schema has not said (our seed's own names). */
const DEFAULT_EVIDENCE: Pick<EvidenceProfile, 'passageLabels' | 'mentionTypes'> = {
  passageLabels: ['Passage'],
  mentionTypes: ['MENTIONS'],
};

interface Inputs {
  visible: GraphData;
  counts: LabelCounts;
  styles: LabelStyles;
  captionRules: CaptionRules;
  /** Which database, so the evidence layer starts hidden once per database. */
  database: string;
  evidenceProfile: EvidenceProfile | undefined;
  /** The schema's date properties and their forms, so filters read text dates right. */
  schemaDates: SchemaResponse['dates'] | undefined;
}

export function useDrawnView({
  visible,
  counts,
  styles,
  captionRules,
  database,
  evidenceProfile,
  schemaDates,
}: Inputs) {
  const [filter, setFilter] = useState<ViewFilter>(NO_FILTER);
  const dateForms = useMemo(() => dateFormsOf(schemaDates), [schemaDates]);
  const drawn = useMemo(
    () => applyFilter(visible, filter, counts, dateForms),
    [visible, filter, counts, dateForms],
  );
  const types = useMemo(() => typeEntries(visible.relationships), [visible]);
  // Keys are observed before filtering, so a filter never takes its own choices away.
  const observed = useMemo(
    () => observeProperties(visible.nodes, visible.relationships, dateForms),
    [visible, dateForms],
  );

  // Large scenes draw with WebGL (see graph/renderer.ts for when and why).
  const [renderer, setRenderer] = useState<RendererKind>('canvas');
  const wantedRenderer = chooseRenderer(
    drawn.nodes.length + drawn.relationships.length,
    renderer,
    webglAvailable(),
  );
  if (wantedRenderer !== renderer) setRenderer(wantedRenderer);

  // An overlay's emphasis (Discover's centrality) is drawn through the elements like the rest.
  const [emphasis, setEmphasis] = useState<NodeEmphases | undefined>();
  const drawnIds = useMemo(() => drawn.nodes.map((n) => n.id), [drawn]);
  const elements = useMemo(
    // captionRules: new rules give new captions to the same nodes.
    () =>
      captionRules ? toElements(drawn.nodes, drawn.relationships, styles, counts, emphasis) : [],
    [drawn, styles, counts, captionRules, emphasis],
  );
  const legend = useMemo(
    () => legendEntries(visible.nodes, styles, counts),
    [visible, styles, counts],
  );
  const documentProfile = useMemo(
    () =>
      evidenceProfile && evidenceProfile.passageLabels.length > 0
        ? {
            passageLabels: evidenceProfile.passageLabels,
            mentionTypes: evidenceProfile.mentionTypes,
          }
        : DEFAULT_EVIDENCE,
    [evidenceProfile],
  );
  // Facts first: where passages carry the evidence, they start hidden; their label's checkbox
  // brings the sources back, and the Document tab and the details panel show them anyway. The
  // data names its sources before the schema's profile arrives, so the first view never has them.
  const dataSources = useMemo(() => mentionSourceLabels(visible), [visible]);
  const sources = evidenceProfile ? evidenceProfile.passageLabels : dataSources;
  const sourcesFor = sources.length > 0 ? `${database}|${sources.join('|')}` : '';
  const [sourcesHiddenFor, setSourcesHiddenFor] = useState('');
  // A restored view brings its own filter, sources shown or not: it is not overruled later.
  const [restored, setRestored] = useState(false);
  if (sourcesFor && sourcesHiddenFor !== sourcesFor && !restored) {
    setSourcesHiddenFor(sourcesFor);
    setFilter((f) => ({ ...f, hiddenLabels: [...new Set([...f.hiddenLabels, ...sources])] }));
  }
  return {
    filter,
    setFilter,
    restoreFilter: (next: ViewFilter) => {
      setRestored(true);
      setFilter(next);
    },
    drawn,
    drawnIds,
    emphasise: setEmphasis,
    types,
    observed,
    renderer,
    elements,
    legend,
    documentProfile,
  };
}
