//! Rendering egui output to pixels without a window: egui's own wgpu renderer
//! on whatever adapter wgpu finds, preferring a CPU one (Mesa's lavapipe on a
//! machine with no GPU: Debian package `mesa-vulkan-drivers`).

use std::iter;
use std::sync::Arc;
use std::sync::mpsc::channel;
use std::time::Duration;

use egui_wgpu::wgpu;

/// Why a picture could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// No graphics adapter: no GPU driver and no software one.
    #[error(
        "no graphics adapter found ({0}); on Debian/Ubuntu install the software renderer: apt-get install -y mesa-vulkan-drivers"
    )]
    NoAdapter(String),
    /// The GPU (or software renderer) failed while drawing or reading back.
    #[error("rendering failed: {0}")]
    Gpu(String),
}

/// How long to wait for the (possibly software) GPU before giving up.
const WAIT: Duration = Duration::from_secs(30);

/// A headless egui renderer. Create once, render many frames.
pub struct Offscreen {
    device: wgpu::Device,
    queue: wgpu::Queue,
    renderer: Arc<egui::mutex::RwLock<egui_wgpu::Renderer>>,
    format: wgpu::TextureFormat,
    /// The adapter used, for messages ("llvmpipe (LLVM 15.0.6, 256 bits)").
    pub adapter: String,
}

impl Offscreen {
    /// Find an adapter (CPU adapters first: predictable output) and set up
    /// egui's renderer on it.
    pub fn new() -> Result<Offscreen, RenderError> {
        let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        setup.native_adapter_selector = Some(Arc::new(|adapters, _surface| {
            let mut adapters: Vec<&wgpu::Adapter> = adapters.iter().collect();
            adapters.sort_by_key(|a| match a.get_info().device_type {
                wgpu::DeviceType::Cpu => 0,
                wgpu::DeviceType::DiscreteGpu => 1,
                _ => 2,
            });
            adapters
                .first()
                .map(|a| (*a).clone())
                .ok_or_else(|| "no adapter".to_owned())
        }));
        let setup = egui_wgpu::WgpuSetup::CreateNew(setup);
        let instance = pollster::block_on(setup.new_instance());
        let state = pollster::block_on(egui_wgpu::RenderState::create(
            &egui_wgpu::WgpuConfiguration {
                wgpu_setup: setup,
                ..Default::default()
            },
            &instance,
            None,
            egui_wgpu::RendererOptions::PREDICTABLE,
        ))
        .map_err(|e| RenderError::NoAdapter(e.to_string()))?;
        let info = state.adapter.get_info();
        Ok(Offscreen {
            device: state.device,
            queue: state.queue,
            renderer: state.renderer,
            format: state.target_format,
            adapter: format!("{} ({:?})", info.name, info.backend),
        })
    }

    /// Draw one egui frame's output into an RGBA image of `size_px` pixels.
    /// `output` must come from `ctx.run(..)` with a screen of `size_px /
    /// pixels_per_point` points.
    pub fn render(
        &mut self,
        ctx: &egui::Context,
        mut output: egui::FullOutput,
        size_px: [u32; 2],
    ) -> Result<egui::ColorImage, RenderError> {
        let ppp = output.pixels_per_point;
        let mut renderer = self.renderer.write();
        for (id, deltas) in output.textures_delta.set.drain() {
            for delta in deltas {
                renderer.update_texture(&self.device, &self.queue, id, &delta);
            }
        }
        let freed: Vec<egui::TextureId> = output.textures_delta.free.drain().collect();
        let primitives = ctx.tessellate(output.shapes, ppp);
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels: size_px,
            pixels_per_point: ppp,
        };
        let mut encoder = self
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some("atlas") });
        let user_buffers = renderer.update_buffers(&self.device, &self.queue, &mut encoder, &primitives, &screen);
        let texture = self.device.create_texture(&wgpu::TextureDescriptor {
            label: Some("atlas picture"),
            size: wgpu::Extent3d {
                width: size_px[0],
                height: size_px[1],
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("atlas pass"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::WHITE),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, &primitives, &screen);
        }
        self.queue
            .submit(user_buffers.into_iter().chain(iter::once(encoder.finish())));
        for id in &freed {
            renderer.free_texture(id);
        }
        drop(renderer);
        self.read_back(&texture)
    }

    fn read_back(&self, texture: &wgpu::Texture) -> Result<egui::ColorImage, RenderError> {
        let (width, height) = (texture.width() as usize, texture.height() as usize);
        let row = width * 4;
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
        let padded_row = row.div_ceil(align) * align;
        let buffer = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("atlas readback"),
            size: (padded_row * height) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut encoder = self
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some("copy") });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded_row as u32),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d {
                width: texture.width(),
                height: texture.height(),
                depth_or_array_layers: 1,
            },
        );
        let submission = self.queue.submit(iter::once(encoder.finish()));
        let slice = buffer.slice(..);
        let (sender, receiver) = channel();
        slice.map_async(wgpu::MapMode::Read, move |r| drop(sender.send(r)));
        self.device
            .poll(wgpu::PollType::Wait {
                submission_index: Some(submission),
                timeout: Some(WAIT),
            })
            .map_err(|e| RenderError::Gpu(e.to_string()))?;
        receiver
            .recv()
            .map_err(|e| RenderError::Gpu(e.to_string()))?
            .map_err(|e| RenderError::Gpu(e.to_string()))?;
        let data = slice.get_mapped_range().map_err(|e| RenderError::Gpu(e.to_string()))?;
        let bgra = matches!(
            self.format,
            wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
        );
        let mut pixels = Vec::with_capacity(width * height);
        for line in data.chunks_exact(padded_row) {
            for px in line[..row].chunks_exact(4) {
                let (r, b) = if bgra { (px[2], px[0]) } else { (px[0], px[2]) };
                pixels.push(egui::Color32::from_rgba_premultiplied(r, px[1], b, px[3]));
            }
        }
        Ok(egui::ColorImage::new([width, height], pixels))
    }
}
