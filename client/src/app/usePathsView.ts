/** The paths the path finder (or a shared link) found: put on the canvas, one of them chosen. */
import { useCallback, useState } from 'react';
import type { GraphData, PathsResponse } from '../../../common/api.ts';

export function usePathsView(addData: (data: GraphData) => void) {
  const [paths, setPaths] = useState<{ result: PathsResponse; chosen: number } | undefined>();
  const showPaths = useCallback(
    (result: PathsResponse) => {
      addData({ nodes: result.nodes, relationships: result.relationships });
      setPaths({ result, chosen: 0 });
    },
    [addData],
  );
  const choosePath = useCallback(
    (chosen: number) => setPaths((p) => (p ? { ...p, chosen } : p)),
    [],
  );
  const clearPaths = useCallback(() => setPaths(undefined), []);
  return {
    result: paths?.result,
    chosen: paths?.chosen ?? 0,
    chosenPath: paths ? paths.result.paths[paths.chosen] : undefined,
    showPaths,
    choosePath,
    clearPaths,
  };
}
