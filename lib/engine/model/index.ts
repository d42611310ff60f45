// The learned sentence model: prediction (predict.ts) and its fusion with the rules' findings (fuse.ts).
export { predict, modelThresholds, type Prediction } from './predict';
export { forgetPredictions, fuseModelFindings, modelConfigFor, type ModelConfig } from './fuse';
