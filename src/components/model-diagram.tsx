import type { DeploymentModel } from '@/rules';

type Box = {
  readonly title: string;
  readonly parts: string;
  /** Who runs it. */
  readonly owner: 'tyk' | 'you';
};

type Layout = {
  readonly boxes: readonly Box[];
  /** What the arrow between the boxes means, when there are two. */
  readonly link?: string;
  readonly text: string;
};

const layouts: Readonly<Record<DeploymentModel, Layout>> = {
  cloud: {
    boxes: [{ title: 'Tyk Cloud', parts: 'Dashboard, MDCB, Gateways', owner: 'tyk' }],
    text: 'Tyk runs the control plane and the Gateways.',
  },
  'cloud-hybrid': {
    boxes: [
      { title: 'Control plane', parts: 'Tyk Cloud', owner: 'tyk' },
      { title: 'Data planes', parts: 'Gateways, Pump', owner: 'you' },
    ],
    link: 'syncs',
    text: 'Tyk runs the control plane in Tyk Cloud; your data planes of Gateways sync with it.',
  },
  'self-managed': {
    boxes: [{ title: 'One environment', parts: 'Dashboard, Gateways, Pump', owner: 'you' }],
    text: 'You run the Dashboard, the Gateways and Pump together.',
  },
  'self-managed-mdcb': {
    boxes: [
      { title: 'Control plane', parts: 'Dashboard, MDCB, Gateway', owner: 'you' },
      { title: 'Data planes', parts: 'Gateways, Pump', owner: 'you' },
    ],
    link: 'MDCB syncs',
    text: 'You run a control plane with MDCB, and data planes of Gateways that sync through it.',
  },
  oss: {
    boxes: [{ title: 'Gateway', parts: 'Gateways, optional Pump', owner: 'you' }],
    text: 'You run the open-source Gateway, with Pump if you like.',
  },
};

export type ModelDiagramProps = {
  readonly model: DeploymentModel;
};

/** A small picture of who runs which plane; screen readers get the sentence instead. */
export function ModelDiagram({ model }: ModelDiagramProps) {
  const layout = layouts[model];
  return (
    <div role="img" aria-label={`Diagram: ${layout.text}`} className="pt-1">
      <div aria-hidden="true" className="flex flex-wrap items-center gap-1 text-xs">
        {layout.boxes.map((box, index) => (
          <div key={box.title} className="flex items-center gap-1">
            {index > 0 ? (
              <span className="px-1 text-slate-700 dark:text-slate-300">⇄ {layout.link ?? ''}</span>
            ) : null}
            <div
              className={`rounded border px-2 py-1 ${
                box.owner === 'tyk'
                  ? 'border-dashed border-slate-600 bg-slate-100 dark:border-slate-400 dark:bg-slate-800'
                  : 'border-slate-600 bg-white dark:border-slate-400 dark:bg-slate-900'
              }`}
            >
              <span className="block font-semibold">{box.title}</span>
              <span className="block text-slate-700 dark:text-slate-300">{box.parts}</span>
              <span className="block text-slate-700 italic dark:text-slate-300">
                {box.owner === 'tyk' ? 'run by Tyk' : 'run by you'}
              </span>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
